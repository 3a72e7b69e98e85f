import type { LagMetric } from '@/lib/chart/lag-window';
import type { HistoryPoint, LagSeriesList, SeriesSpec } from '@/lib/schemas/lag-history';

/**
 * One value of a chart's aligned data (uPlot's convention): a number; null where the line breaks
 * (a gap); undefined where the series has no point at that instant and the line goes on across it
 * (another series was sampled then, or the point lacks this metric).
 */
export type ChartValue = number | null | undefined;

export interface ChartData {
  /** Epoch milliseconds, ascending: every instant any series has a point at, and the gaps. */
  x: number[];
  /** One column per series, one value per x. */
  values: ChartValue[][];
  /** Lag of bucketed points: each series' lowest and highest lag in each bucket; else null. */
  bands: { min: ChartValue[]; max: ChartValue[] }[] | null;
}

/**
 * Two points further apart than this are not neighbours: the console was down, or the group did
 * not exist, in between. About two and a half of the expected spacing (a bucket, or an idle sample).
 */
export const gapMs = (list: Pick<LagSeriesList, 'stepMs' | 'sampleEveryMs'>) =>
  2.5 * Math.max(list.stepMs, list.sampleEveryMs);

interface Sample {
  t: number;
  v: ChartValue;
  min?: number;
  max?: number;
}

/** Records per second between two offset sums; a sum that went down (a reset, a deleted topic) has no rate. */
function rate(now: number, before: number, seconds: number): number | null {
  const delta = now - before;
  return delta < 0 ? null : delta / seconds;
}

/**
 * One series' samples of a metric, with a null between two points further apart than `gap`. Rates
 * are differences of the offset sums between a point and the one before it over the time between
 * them, so the first point, and the first after a gap, has none.
 */
export function metricSamples(
  points: HistoryPoint[],
  metric: LagMetric,
  gap: number,
  withBand = false,
): Sample[] {
  const out: Sample[] = [];
  let prev: HistoryPoint | undefined;
  for (const p of points) {
    const apart = prev ? p.t - prev.t : 0;
    if (prev && apart > gap) out.push({ t: Math.round(prev.t + apart / 2), v: null });
    const near = prev && apart > 0 && apart <= gap ? prev : undefined;
    const seconds = apart / 1000;
    let v: ChartValue;
    if (metric === 'lag') v = p.lag;
    else if (metric === 'timeLag') v = p.timeLagMs ?? undefined;
    else if (metric === 'consume') v = near ? rate(p.committed, near.committed, seconds) : undefined;
    else v = near ? rate(p.logEnd, near.logEnd, seconds) : undefined;
    out.push(withBand && metric === 'lag' ? { t: p.t, v, min: p.lagMin, max: p.lagMax } : { t: p.t, v });
    prev = p;
  }
  return out;
}

/**
 * A null breaks the line only between its neighbours in the aligned data, which may be another
 * series' instants: spread over the undefined values beside it, it reaches this series' own points
 * on either side (uPlot's "null expand").
 */
function spreadGaps(column: ChartValue[]): void {
  for (let i = 0; i < column.length; i++) {
    if (column[i] !== null) continue;
    for (let j = i - 1; j >= 0 && column[j] === undefined; j--) column[j] = null;
    let j = i + 1;
    while (j < column.length && column[j] === undefined) column[j++] = null;
    i = j - 1;
  }
}

/** Several series' samples on one time axis. */
export function alignSamples(series: Sample[][], withBands: boolean): ChartData {
  const x = [...new Set(series.flatMap((samples) => samples.map((s) => s.t)))].sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const column = () => new Array<ChartValue>(x.length).fill(undefined);
  const values: ChartValue[][] = [];
  const bands: { min: ChartValue[]; max: ChartValue[] }[] = [];
  for (const samples of series) {
    const v = column();
    const min = column();
    const max = column();
    for (const s of samples) {
      const i = index.get(s.t)!;
      v[i] = s.v;
      min[i] = s.v === null ? null : s.min;
      max[i] = s.v === null ? null : s.max;
    }
    spreadGaps(v);
    values.push(v);
    if (withBands) {
      spreadGaps(min);
      spreadGaps(max);
      bands.push({ min, max });
    }
  }
  return { x, values, bands: withBands ? bands : null };
}

/** Bucketed lag draws a band from each bucket's lowest to its highest lag around the line of its last. */
export const hasBands = (list: Pick<LagSeriesList, 'stepMs'>, metric: LagMetric) =>
  metric === 'lag' && list.stepMs > 0;

/** An answer of the lag history API as a chart's data for one metric. */
export function chartData(list: LagSeriesList, metric: LagMetric): ChartData {
  const gap = gapMs(list);
  const bands = hasBands(list, metric);
  return alignSamples(
    list.series.map((s) => metricSamples(s.points, metric, gap, bands)),
    bands,
  );
}

/**
 * The points of a column with no neighbour to draw a line to (no value of their own on either side
 * before a gap or the edge): shown as dots, or a series sampled once would not show at all.
 */
export function loneIndices(column: ChartValue[]): number[] {
  const lone: number[] = [];
  let prev: ChartValue = null;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (typeof v !== 'number') {
      if (v === null) prev = null;
      continue;
    }
    let j = i + 1;
    while (j < column.length && column[j] === undefined) j++;
    if (typeof prev !== 'number' && typeof column[j] !== 'number') lone.push(i);
    prev = v;
  }
  return lone;
}

/** The value at index `i`, or the last value of the column when `i` is null (no cursor); null for none. */
export function valueAt(column: ChartValue[] | undefined, i: number | null | undefined): number | null {
  if (!column) return null;
  if (i !== null && i !== undefined) return column[i] ?? null;
  for (let j = column.length - 1; j >= 0; j--) {
    const v = column[j];
    if (typeof v === 'number') return v;
  }
  return null;
}

/**
 * A series' name in a legend: on a group's own page its topic (or partition), else the group first.
 * A partition reads `orders [3]`.
 */
export function seriesName(s: SeriesSpec, withGroup: boolean): string {
  const part = partName(s);
  if (!withGroup) return part || 'Group total';
  return part ? `${s.groupId} › ${part}` : s.groupId;
}

/** The topic or partition of a series, `''` for a whole group. */
export const partName = (s: SeriesSpec) => (s.partition >= 0 ? `${s.topic} [${s.partition}]` : s.topic);

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Tick steps of a time-lag axis: whole seconds, minutes, hours and days. */
const durationSteps = [
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  2 * 24 * HOUR,
  7 * 24 * HOUR,
  14 * 24 * HOUR,
  30 * 24 * HOUR,
];

/** Whole numbers of records: 1, 2, 5, 10, 20, 50… so that a small lag gets no half-record ticks. */
const countSteps = Array.from({ length: 16 }, (_, e) => [1, 2, 5].map((m) => m * 10 ** e)).flat();

/** The tick steps of a metric's value axis, or undefined for uPlot's own (rates have fractions). */
export function valueSteps(metric: LagMetric): number[] | undefined {
  if (metric === 'timeLag') return durationSteps;
  if (metric === 'lag') return countSteps;
  return undefined;
}
