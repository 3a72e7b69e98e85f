import { describe, expect, it } from 'vitest';
import { capped, scanExtent } from '@/lib/scan/progress';

describe('scanExtent', () => {
  it('adds what is left before each end to what was scanned', () => {
    expect(scanExtent(null)).toEqual({ scanned: 0, total: null });
    const progress = {
      scanned: 30,
      matched: 2,
      bytes: 100,
      positions: { '0': 20, '1': 10 },
      ends: { '0': 50, '1': 10 },
    };
    expect(scanExtent(progress)).toEqual({ scanned: 30, total: 60 });
    expect(scanExtent({ ...progress, ends: undefined })).toEqual({ scanned: 30, total: null });
  });
});

describe('capped', () => {
  it('keeps the newest entries, newest first or last', () => {
    expect(capped([1, 2], [3, 4], 3, false)).toEqual([2, 3, 4]);
    expect(capped([2, 1], [3, 4], 3, true)).toEqual([4, 3, 2]);
    expect(capped([], [1], 3, true)).toEqual([1]);
  });
});
