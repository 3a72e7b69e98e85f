/** `1,234,567`; an em dash when the count is unknown. */
export function formatCount(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return '—';
  return count.toLocaleString('en-US');
}

/** `950`, `12.3K`, `4.5M`, `1.2B`: for stat cards where the exact figure is in a tooltip. */
export function compactCount(count: number | null | undefined): string {
  if (count === null || count === undefined || !Number.isFinite(count)) return '—';
  const abs = Math.abs(count);
  const steps: Array<[number, string]> = [
    [1e3, 'K'],
    [1e6, 'M'],
    [1e9, 'B'],
    [1e12, 'T'],
  ];
  // Pick the largest unit the count reaches, stepping up when rounding would print "1000K".
  let chosen: [number, string] | null = null;
  for (const step of steps) {
    if (abs >= step[0] || (chosen && Math.round(abs / chosen[0]) >= 1000)) chosen = step;
  }
  if (!chosen) return String(count);
  const scaled = count / chosen[0];
  return `${Math.abs(scaled) < 100 ? scaled.toFixed(1).replace(/\.0$/, '') : Math.round(scaled)}${chosen[1]}`;
}
