import { describe, expect, it } from 'vitest';
import { chartWindow, MIN_ZOOM_MS, pollMs, rangeMs, zoomWindow } from '@/lib/chart/lag-window';
import { MAX_HISTORY_SPAN_MS } from '@/lib/schemas/lag-history';

const now = 1_800_000_000_000;

describe('chart windows', () => {
  it('end a range now, and keep a zoom as it is', () => {
    expect(chartWindow({ range: '6h' }, now)).toEqual({ from: now - 6 * 3_600_000, to: now, zoomed: false });
    expect(chartWindow({ range: '6h', from: 10, to: 20 }, now)).toEqual({ from: 10, to: 20, zoomed: true });
    expect(chartWindow({ range: '30d', from: 10 }, now).zoomed).toBe(false);
    expect(rangeMs['30d']).toBeLessThanOrEqual(MAX_HISTORY_SPAN_MS);
  });

  it('make a dragged span a zoom: ordered, whole, at least the minimum wide, not past now', () => {
    expect(zoomWindow(now - 59_000.6, now - 60_000.4, now)).toEqual({
      from: now - 64_500,
      to: now - 54_500,
    });
    expect(zoomWindow(now - 2_000, now - 1_000, now)).toEqual({ from: now - MIN_ZOOM_MS, to: now });
    expect(zoomWindow(now - 60_000, now + 5_000, now)).toEqual({ from: now - 60_000, to: now });
    expect(zoomWindow(0, MAX_HISTORY_SPAN_MS * 2, now)).toEqual({
      from: MAX_HISTORY_SPAN_MS,
      to: MAX_HISTORY_SPAN_MS * 2,
    });
  });

  it('poll every sample up to an hour, less often beyond', () => {
    expect([rangeMs['15m'], rangeMs['1h'], rangeMs['6h'], rangeMs['24h'], rangeMs['7d']].map(pollMs)).toEqual(
      [5_000, 5_000, 30_000, 60_000, 300_000],
    );
  });
});
