const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long ago `then` was, seen from `now` (both epoch ms): `just now`, `2 s ago`, `5 min ago`, `3 h ago`,
 * `4 d ago`. `now` is a parameter so renders stay pure (pass the time the data arrived).
 */
export function timeAgo(then: number | null | undefined, now: number): string {
  if (then === null || then === undefined || then < 0) return 'never';
  const elapsed = Math.max(0, now - then);
  if (elapsed < SECOND) return 'just now';
  if (elapsed < MINUTE) return `${Math.floor(elapsed / SECOND)} s ago`;
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  return `${Math.floor(elapsed / DAY)} d ago`;
}

/**
 * A duration in ms, in its largest whole units: `7 d`, `1 h 30 min`, `250 ms`. At most two units, so
 * `retention.ms=604800000` reads as `7 d`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < SECOND) return `${ms} ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [size, unit] of [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'min'],
    [SECOND, 's'],
  ] as const) {
    const whole = Math.floor(rest / size);
    if (whole > 0) {
      parts.push(`${whole} ${unit}`);
      rest -= whole * size;
    }
    if (parts.length === 2) break;
    if (parts.length === 1 && rest === 0) break;
  }
  if (parts.length < 2 && rest > 0 && rest < SECOND) parts.push(`${rest} ms`);
  return parts.join(' ');
}

/**
 * A time lag: `0 s`, `350 ms` below a second, else whole seconds in at most two units (`1 h 5 min`),
 * as a chart's axis and legend write it.
 */
export function shortDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms === 0) return '0 s';
  if (Math.abs(ms) < SECOND) return `${Math.round(ms)} ms`;
  return formatDuration(Math.round(ms / SECOND) * SECOND);
}
