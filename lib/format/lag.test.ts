import { describe, expect, it } from 'vitest';
import { formatRate, lagRates, recentRates } from '@/lib/format/lag';

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
});
