/**
 * The console's one way of writing a time: 24-hour, year first, in the browser's time zone, with the zone
 * named beside it or on hover. Built from the date's parts rather than `toLocale*String`, whose clock
 * (12 or 24 hours) and order follow the reader's locale and so disagreed from one screen to the next.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-01-31 14:05:03.123` (or without the milliseconds) in local time. */
export function formatTimestamp(ms: number, { millis = true }: { millis?: boolean } = {}): string {
  const d = new Date(ms);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date} ${clockTime(ms)}${millis ? `.${pad(d.getMilliseconds(), 3)}` : ''}`;
}

/** `14:05:03` in local time, 24-hour whatever the locale. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The local zone's offset from UTC at that instant: `UTC`, `UTC+01:00`, `UTC-05:00`, `UTC+05:30`. */
export function zoneOffset(ms: number = Date.now()): string {
  const minutes = -new Date(ms).getTimezoneOffset();
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes > 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The browser's zone by name, `Europe/Paris`, when the platform tells it. */
function zoneName(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** For a hover: the local time with its zone, then the same instant in UTC, as ISO 8601. */
export function timeTitle(ms: number): string {
  const name = zoneName();
  return `${formatTimestamp(ms)} ${zoneOffset(ms)}${name ? ` (${name})` : ''}\n${new Date(ms).toISOString()}`;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** A time typed the way the console writes it: `2026-01-31 14:05`, seconds and milliseconds optional. */
export function toTimeInput(ms: number): string {
  return formatTimestamp(ms, { millis: new Date(ms).getMilliseconds() !== 0 });
}

/**
 * The instant a typed time names, or null: the console's own format (read in local time, so a timestamp
 * copied from a table row works), ISO 8601 with a zone (`…Z`, `…+02:00`), or epoch milliseconds.
 */
export function parseTimeInput(text: string): number | null {
  const value = text.trim();
  if (/^\d{11,15}$/.test(value)) return Number(value);
  const local = localPattern.exec(value);
  if (local) {
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = local
      .slice(1, 7)
      .map((part) => Number(part ?? 0));
    const millis = Number((local[7] ?? '0').padEnd(3, '0'));
    const d = new Date(year, month - 1, day, hour, minute, second, millis);
    // Date rolls 2026-02-31 over to March: a day or hour out of range is a typo, not a date.
    const same =
      d.getFullYear() === year &&
      d.getMonth() === month - 1 &&
      d.getDate() === day &&
      d.getHours() === hour &&
      d.getMinutes() === minute;
    return same && second < 60 ? d.getTime() : null;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : null;
  }
  return null;
}

/** `01-31`: the month and day in local time. */
export function monthDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The labels of a time axis whose ticks are `stepMs` apart, in the console's 24-hour local time:
 * `14:05` (`14:05:30` for steps under a minute), the date under the first tick and under each one
 * that starts another day; only dates for steps of a day or more.
 */
export function timeTicks(ticks: number[], stepMs: number): string[] {
  return ticks.map((t, i) => {
    if (stepMs >= 86_400_000) return monthDay(t);
    const d = new Date(t);
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${stepMs < 60_000 ? `:${pad(d.getSeconds())}` : ''}`;
    const prev = i > 0 ? ticks[i - 1] : undefined;
    return prev === undefined || monthDay(prev) !== monthDay(t) ? `${time}\n${monthDay(t)}` : time;
  });
}
