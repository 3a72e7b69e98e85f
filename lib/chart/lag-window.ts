import { MAX_HISTORY_SPAN_MS } from '@/lib/schemas/lag-series';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The spans a lag chart offers, up to the store's month of rolled-up history. */
export const lagRanges = ['15m', '1h', '6h', '24h', '7d', '30d'] as const;
export type LagRange = (typeof lagRanges)[number];

export const rangeMs: Record<LagRange, number> = {
  '15m': 15 * MINUTE,
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': DAY,
  '7d': 7 * DAY,
  '30d': 30 * DAY,
};

export const rangeLabel: Record<LagRange, string> = {
  '15m': '15 min',
  '1h': '1 h',
  '6h': '6 h',
  '24h': '24 h',
  '7d': '7 d',
  '30d': '30 d',
};

/** What a chart shows of each series. */
export const lagMetrics = ['lag', 'timeLag', 'consume', 'produce'] as const;
export type LagMetric = (typeof lagMetrics)[number];

export const metricLabel: Record<LagMetric, string> = {
  lag: 'Lag',
  timeLag: 'Time lag',
  consume: 'Consume rate',
  produce: 'Produce rate',
};

/** The shortest zoom: below it a drag is a click that slipped. */
export const MIN_ZOOM_MS = 10_000;

export interface ChartWindow {
  from: number;
  to: number;
  /** A window picked by dragging on the chart (fixed), rather than the last `range` (moving). */
  zoomed: boolean;
}

/** The window a chart's state names at `now`: its zoom when it has one, else the range up to now. */
export function chartWindow(
  state: { range: LagRange; from?: number; to?: number },
  now: number,
): ChartWindow {
  if (state.from !== undefined && state.to !== undefined)
    return { from: state.from, to: state.to, zoomed: true };
  return { from: now - rangeMs[state.range], to: now, zoomed: false };
}

/**
 * A dragged selection as a zoom: whole milliseconds, at least MIN_ZOOM_MS wide (widened around its
 * middle), at most the API's longest span, and never past `now` on the right.
 */
export function zoomWindow(from: number, to: number, now: number): { from: number; to: number } {
  let a = Math.round(Math.min(from, to));
  let b = Math.min(now, Math.round(Math.max(from, to)));
  if (b - a < MIN_ZOOM_MS) {
    a = Math.round((a + b) / 2 - MIN_ZOOM_MS / 2);
    b = a + MIN_ZOOM_MS;
    if (b > now) [a, b] = [now - MIN_ZOOM_MS, now];
  }
  if (b - a > MAX_HISTORY_SPAN_MS) a = b - MAX_HISTORY_SPAN_MS;
  return { from: Math.max(0, a), to: b };
}

/**
 * How often a moving chart of this span polls: each 5 s sample up to an hour; longer spans draw
 * minutes or buckets of a quarter of an hour per point, so they are read again less often.
 */
export function pollMs(spanMs: number): number {
  if (spanMs <= HOUR) return 5_000;
  if (spanMs <= 6 * HOUR) return 30_000;
  if (spanMs <= DAY) return 60_000;
  return 5 * MINUTE;
}
