import { describe, expect, it } from 'vitest';
import { chartData, gapMs, loneIndices, seriesName, valueAt, valueSteps } from '@/lib/chart/lag-series';
import type { HistoryPoint, LagSeriesList } from '@/lib/schemas/lag-history';

const point = (s: number, lag: number, committed = 0, logEnd = committed + lag): HistoryPoint => ({
  t: s * 1000,
  lag,
  lagMin: lag,
  lagMax: lag,
  timeLagMs: lag === 0 ? 0 : lag * 100,
  committed,
  logEnd,
});

const list = (stepMs: number, ...series: HistoryPoint[][]): LagSeriesList => ({
  from: 0,
  to: 3_600_000,
  stepMs,
  sampleEveryMs: 60_000,
  series: series.map((points, i) => ({ groupId: `g${i}`, topic: '', partition: -1, points })),
});

describe('lag chart data', () => {
  it('calls points further apart than 2.5 times the expected spacing a gap', () => {
    expect(gapMs({ stepMs: 0, sampleEveryMs: 60_000 })).toBe(150_000);
    expect(gapMs({ stepMs: 900_000, sampleEveryMs: 60_000 })).toBe(2_250_000);
  });

  it('puts a null in a gap, so that the line breaks there', () => {
    const data = chartData(list(0, [point(0, 5), point(60, 6), point(600, 7), point(660, 8)]), 'lag');
    expect(data.x).toEqual([0, 60_000, 330_000, 600_000, 660_000]);
    expect(data.values).toEqual([[5, 6, null, 7, 8]]);
    expect(data.bands).toBeNull();
  });

  it('aligns series on one time axis, undefined where a series has no point, the gap reaching its own points', () => {
    // g0 sampled every 5 s while shown; g1 once a minute and missing for ten minutes.
    const g0 = [0, 5, 10, 15].map((s) => point(s, 1));
    const g1 = [point(0, 9), point(600, 9)];
    const data = chartData({ ...list(0, g0, g1), sampleEveryMs: 60_000 }, 'lag');
    expect(data.x).toEqual([0, 5_000, 10_000, 15_000, 300_000, 600_000]);
    expect(data.values[0]).toEqual([1, 1, 1, 1, undefined, undefined]);
    // Spread over g0's instants: the break runs from g1's point at 0 to its point at 600 s.
    expect(data.values[1]).toEqual([9, null, null, null, null, 9]);
  });

  it('draws rates from offset differences, none for the first point, a gap after a reset', () => {
    const points = [
      point(0, 0, 100, 100),
      point(60, 0, 160, 220),
      point(120, 0, 10, 280),
      point(180, 0, 70, 340),
    ];
    expect(chartData(list(0, points), 'consume').values[0]).toEqual([undefined, 1, null, 1]);
    expect(chartData(list(0, points), 'produce').values[0]).toEqual([undefined, 2, 1, 1]);
  });

  it('leaves a time lag nobody read undefined (the line goes on) and bands bucketed lag', () => {
    const unread = { ...point(60, 4), timeLagMs: null };
    expect(chartData(list(0, [point(0, 3), unread, point(120, 5)]), 'timeLag').values[0]).toEqual([
      300,
      undefined,
      500,
    ]);
    const buckets = [
      { ...point(0, 5), lagMin: 1, lagMax: 9 },
      { ...point(120, 6), lagMin: 2, lagMax: 8 },
    ];
    const data = chartData(list(120_000, buckets), 'lag');
    expect(data.bands).toEqual([{ min: [1, 2], max: [9, 8] }]);
    expect(chartData(list(120_000, buckets), 'timeLag').bands).toBeNull();
  });

  it('finds the points no line reaches, to draw them as dots', () => {
    expect(loneIndices([undefined, 5, undefined, undefined])).toEqual([1]);
    expect(loneIndices([1, undefined, 2, null, 3, null, null, 4, 5])).toEqual([4]);
    expect(loneIndices([null, 7])).toEqual([1]);
    expect(loneIndices([1, 2])).toEqual([]);
  });

  it('reads a value at the cursor, else the latest one', () => {
    expect(valueAt([1, 2, null, undefined], null)).toBe(2);
    expect(valueAt([1, 2, null], 2)).toBeNull();
    expect(valueAt([1, 2, null], 0)).toBe(1);
    expect(valueAt(undefined, 0)).toBeNull();
  });

  it('names series within a group or with it', () => {
    const total = { groupId: 'billing', topic: '', partition: -1 };
    const part = { groupId: 'billing', topic: 'orders', partition: 3 };
    expect([seriesName(total, false), seriesName(part, false)]).toEqual(['Group total', 'orders [3]']);
    expect([seriesName(total, true), seriesName(part, true)]).toEqual(['billing', 'billing › orders [3]']);
  });

  it('ticks records in whole numbers and time lag in round durations', () => {
    expect(valueSteps('lag')?.slice(0, 4)).toEqual([1, 2, 5, 10]);
    expect(valueSteps('timeLag')).toContain(60_000);
    expect(valueSteps('consume')).toBeUndefined();
  });
});
