import { describe, expect, it } from 'vitest';
import {
  areaPath,
  chartMargin,
  chartScales,
  enoughPoints,
  linePath,
  nearestTime,
  niceTicks,
  timeTicks,
  tooltipPlacement,
} from '@/lib/chart/geometry';

// 300 × 134 pixels leave a 230 × 100 plot inside the margins.
const size = {
  width: 230 + chartMargin.left + chartMargin.right,
  height: 100 + chartMargin.top + chartMargin.bottom,
};
const lag = [
  { t: 60_000, v: 0 },
  { t: 90_000, v: 40 },
  { t: 120_000, v: 95 },
];

describe('chartScales', () => {
  it('maps the samples span to the plot width and 0..top tick to its height', () => {
    const s = chartScales([lag], size);
    expect(s).toMatchObject({ from: 60_000, to: 120_000, innerW: 230, innerH: 100, yTicks: [0, 50, 100] });
    expect(s.x(60_000)).toBe(chartMargin.left);
    expect(s.x(120_000)).toBe(chartMargin.left + 230);
    expect(s.x(90_000)).toBe(chartMargin.left + 115);
    expect(s.y(0)).toBe(chartMargin.top + 100);
    expect(s.y(100)).toBe(chartMargin.top);
    expect(s.y(50)).toBe(chartMargin.top + 50);
    expect(s.xTicks).toEqual([60_000, 75_000, 90_000, 105_000, 120_000]);
  });

  it('takes every series into account, and lists each sample time once in order', () => {
    const s = chartScales(
      [
        [
          { t: 30, v: 1 },
          { t: 10, v: 2 },
        ],
        [
          { t: 20, v: 7 },
          { t: 10, v: 3 },
        ],
      ],
      { ...size, integer: true },
    );
    expect(s.from).toBe(10);
    expect(s.to).toBe(30);
    expect(s.times).toEqual([10, 20, 30]);
    expect(s.yTicks).toEqual([0, 2, 4, 6, 8]);
  });

  it('puts a single instant in the middle, keeps negative values out of the axis, and never a negative width', () => {
    const s = chartScales([[{ t: 5, v: -3 }]], { width: 10, height: 134 });
    expect(s.innerW).toBe(0);
    expect(s.x(5)).toBe(chartMargin.left);
    expect(chartScales([[{ t: 5, v: 4 }]], size).x(5)).toBe(chartMargin.left + 115);
    expect(s.yTicks).toEqual([0, 1]);
  });
});

describe('paths', () => {
  const s = chartScales([lag], size);

  it('draws a line through the points and lifts the pen across gaps', () => {
    expect(linePath(lag, s, Infinity)).toBe('M56.0,110.0L171.0,70.0L286.0,15.0');
    expect(linePath(lag, s, 20_000)).toBe('M56.0,110.0M171.0,70.0M286.0,15.0');
    expect(linePath([], s, 1)).toBe('');
  });

  it('closes the area down to 0', () => {
    expect(areaPath(lag, s)).toBe('M56.0,110.0L171.0,70.0L286.0,15.0L286,110L56,110Z');
    expect(areaPath(lag.slice(0, 1), s)).toBeNull();
  });

  it('waits for two samples in one series', () => {
    expect(enoughPoints([[lag[0]!], []])).toBe(false);
    expect(enoughPoints([[lag[0]!], lag])).toBe(true);
  });
});

describe('pointer', () => {
  const s = chartScales([lag], size);

  it('snaps to the nearest sample time, the earlier on a tie, and clamps beyond the ends', () => {
    expect(nearestTime(s, s.x(95_000))).toBe(90_000);
    expect(nearestTime(s, s.x(105_000))).toBe(90_000);
    expect(nearestTime(s, s.x(106_000))).toBe(120_000);
    expect(nearestTime(s, 0)).toBe(60_000);
    expect(nearestTime(s, 10_000)).toBe(120_000);
    expect(nearestTime({ ...s, times: [] }, 100)).toBeNull();
  });

  it('places the tooltip on the roomier side', () => {
    expect(tooltipPlacement(100, 300)).toEqual({ left: 108 });
    expect(tooltipPlacement(200, 300)).toEqual({ right: 108 });
  });
});

describe('chart ticks', () => {
  it('picks round steps up to the maximum', () => {
    expect(niceTicks(95)).toEqual([0, 50, 100]);
    expect(niceTicks(100)).toEqual([0, 50, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(3, { integer: true })).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.9)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('puts time ticks on round instants', () => {
    expect(timeTicks(61_000, 181_000)).toEqual([90_000, 120_000, 150_000, 180_000]);
    expect(timeTicks(5, 5)).toEqual([5]);
  });
});
