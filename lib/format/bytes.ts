const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** `0 B`, `512 B`, `1.5 KiB`, `12.3 GiB`: binary units, one decimal below 100, none above. */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${sign}${value} B`;
  // 1023.96 KiB would print as "1024.0 KiB": step up instead.
  if (Number(value.toFixed(1)) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 100 ? 1 : 0;
  return `${sign}${value.toFixed(digits)} ${units[unit]}`;
}

/** Share of a whole as a percentage for a usage bar, clamped to 0-100; null when the whole is unknown. */
export function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole <= 0) return null;
  return Math.min(100, Math.max(0, (part / whole) * 100));
}
