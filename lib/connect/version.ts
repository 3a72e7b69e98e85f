/** Whether a worker's version (`3.4.1`, `4.3.1-SNAPSHOT`) is at least `major.minor`; true when unknown. */
export function workerAtLeast(version: string | null, major: number, minor: number): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!m) return true;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a > major || (a === major && b >= minor);
}
