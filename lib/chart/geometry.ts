/**
 * The arithmetic of the console's line charts over time (lag, rates), apart from their SVG: the
 * scales from samples to pixels, the axis ticks, the paths, and which sample the pointer is nearest.
 */

export interface ChartPoint {
  /** Epoch milliseconds. */
  t: number;
  v: number;
}

/** Room around the plot for the value labels (left) and the clock times (below). */
export const chartMargin = { top: 10, right: 14, bottom: 24, left: 56 } as const;

export interface ChartScales {
  /** The first and last sample time of all series. */
  from: number;
  to: number;
  /** The plot area inside the margins, in pixels. */
  innerW: number;
  innerH: number;
  /** Value-axis ticks from 0; the last one is the top of the plot. */
  yTicks: number[];
  /** Time-axis ticks on round instants. */
  xTicks: number[];
  /** Every sample time, ascending, once: what the pointer snaps to. */
  times: number[];
  x: (t: number) => number;
  y: (v: number) => number;
}

/**
 * Scales for series of samples drawn in `width` × `height` pixels: time left to right over the samples'
 * span (a single instant sits in the middle), values from 0 at the bottom to the top tick.
 */
export function chartScales(
  series: ChartPoint[][],
  { width, height, integer = false }: { width: number; height: number; integer?: boolean },
): ChartScales {
  const all = series.flat();
  const from = Math.min(...all.map((p) => p.t));
  const to = Math.max(...all.map((p) => p.t));
  const yTicks = niceTicks(Math.max(0, ...all.map((p) => p.v)), { integer });
  const yMax = yTicks.at(-1) ?? 1;
  const innerW = Math.max(0, width - chartMargin.left - chartMargin.right);
  const innerH = height - chartMargin.top - chartMargin.bottom;
  return {
    from,
    to,
    innerW,
    innerH,
    yTicks,
    xTicks: timeTicks(from, to),
    times: [...new Set(all.map((p) => p.t))].sort((a, b) => a - b),
    x: (t) => chartMargin.left + (to > from ? ((t - from) / (to - from)) * innerW : innerW / 2),
    y: (v) => chartMargin.top + innerH - (v / yMax) * innerH,
  };
}

/** A line needs two samples: until one series has them, the chart waits. */
export function enoughPoints(series: ChartPoint[][]): boolean {
  return series.some((points) => points.length >= 2);
}

/** An SVG path through the points, lifting the pen across gaps longer than `gapMs` (the sampler missed). */
export function linePath(points: ChartPoint[], scales: Pick<ChartScales, 'x' | 'y'>, gapMs: number): string {
  return points
    .map((p, i) => {
      const prev = points[i - 1];
      const move = !prev || p.t - prev.t > gapMs;
      return `${move ? 'M' : 'L'}${scales.x(p.t).toFixed(1)},${scales.y(p.v).toFixed(1)}`;
    })
    .join('');
}

/** The closed area between the line through the points (no gaps) and 0; null with fewer than two. */
export function areaPath(points: ChartPoint[], scales: Pick<ChartScales, 'x' | 'y'>): string | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return null;
  const { x, y } = scales;
  return `${linePath(points, scales, Infinity)}L${x(last.t)},${y(0)}L${x(first.t)},${y(0)}Z`;
}

/**
 * The sample time nearest the pointer `px` pixels from the chart's left edge (the earlier one on a tie),
 * or null without samples.
 */
export function nearestTime(
  scales: Pick<ChartScales, 'from' | 'to' | 'innerW' | 'times'>,
  px: number,
): number | null {
  const { from, to, innerW, times } = scales;
  const t = from + ((px - chartMargin.left) / Math.max(1, innerW)) * (to - from);
  let best: number | null = null;
  for (const candidate of times)
    if (best === null || Math.abs(candidate - t) < Math.abs(best - t)) best = candidate;
  return best;
}

/** Where a tooltip for the instant at `px` goes: beside it, on the side with more room. */
export function tooltipPlacement(px: number, width: number): { left: number } | { right: number } {
  return px > width / 2 ? { right: width - px + 8 } : { left: px + 8 };
}

/**
 * Round values (1, 2 or 5 times a power of ten) from 0 to at least `max`, about `count` steps, for a value
 * axis; `integer` keeps steps whole, for counts of messages.
 */
export function niceTicks(max: number, { count = 4, integer = false } = {}): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  if (integer) step = Math.max(1, Math.round(step));
  const steps = Math.ceil(max / step - 1e-9);
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

const timeSteps = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/** Round wall-clock instants between `from` and `to` (epoch ms), about `count` of them, for a time axis. */
export function timeTicks(from: number, to: number, count = 5): number[] {
  if (!(to > from)) return [from];
  const step = timeSteps.find((s) => (to - from) / s <= count) ?? timeSteps.at(-1)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
