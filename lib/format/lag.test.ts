import { describe, expect, it } from 'vitest';
import { formatMetric, formatRate, lagRates, recentRates } from '@/lib/format/lag';

const point = (s: number, committed: number, logEnd: number) => ({
  t: s * 1000,
  totalLag: logEnd - committed,
  committed,
  logEnd,
});

describe('lag rates', () => {
  it('divides the change of the sums by the time between samples', () => {
    const points = [point(0, 100, 100), point(5, 110, 150), point(10, 160, 160)];
    expect(lagRates(points)).toEqual([
      { t: 5000, consume: 2, produce: 10 },
      { t: 10000, consume: 10, produce: 2 },
    ]);
    expect(recentRates(points)).toEqual({ consume: 6, produce: 6 });
  });

  it('counts a reset (committed going back) as no consumption, not a negative one', () => {
    expect(lagRates([point(0, 500, 500), point(5, 0, 510)])).toEqual([{ t: 5000, consume: 0, produce: 2 }]);
  });

  it('needs two samples, and averages only the recent ones', () => {
    expect(recentRates([point(0, 1, 1)])).toBeNull();
    const points = [point(0, 0, 0), point(100, 1000, 1000), point(160, 1600, 1000)];
    expect(recentRates(points, 60_000)).toEqual({ consume: 10, produce: 0 });
  });

  it('formats rates with one decimal below 100', () => {
    expect([formatRate(0), formatRate(0.25), formatRate(12), formatRate(1234.4), formatRate(null)]).toEqual([
      '0',
      '0.3',
      '12',
      '1,234',
      '—',
    ]);
  });

  it('writes each metric in its unit, lag compact only on an axis', () => {
    expect(formatMetric('lag', 123_456)).toBe('123,456');
    expect(formatMetric('lag', 123_456, true)).toBe('123K');
    expect(formatMetric('lag', 9_999, true)).toBe('9,999');
    expect(formatMetric('lag', 12_345, true)).toBe('12.3K');
    expect(formatMetric('timeLag', 0)).toBe('0 s');
    expect(formatMetric('timeLag', 95_400)).toBe('1 min 35 s');
    expect(formatMetric('consume', 2.5)).toBe('2.5/s');
    expect(formatMetric('produce', null)).toBe('—');
  });
});
