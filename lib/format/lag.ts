import type { LagPoint } from '@/lib/schemas/group';
import type { LagMetric } from '@/lib/chart/lag-window';
import { compactCount, formatCount } from '@/lib/format/count';
import { shortDuration } from '@/lib/format/duration';

/** Messages per second between two samples: the group's consumption and the producers' writes. */
export interface RatePoint {
  t: number;
  consume: number;
  produce: number;
}

/**
 * Rates from consecutive lag samples: Δcommitted/Δt and ΔlogEnd/Δt. A reset or a deleted topic makes the
 * sums drop; that is not negative traffic, so those steps count as 0.
 */
export function lagRates(points: LagPoint[]): RatePoint[] {
  const out: RatePoint[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const seconds = (b.t - a.t) / 1000;
    if (seconds <= 0) continue;
    out.push({
      t: b.t,
      consume: Math.max(0, (b.committed - a.committed) / seconds),
      produce: Math.max(0, (b.logEnd - a.logEnd) / seconds),
    });
  }
  return out;
}

/** The average rates over the last `windowMs` of samples (at least the last two); null with fewer than two. */
export function recentRates(
  points: LagPoint[],
  windowMs = 60_000,
): { consume: number; produce: number } | null {
  const last = points.at(-1);
  if (!last || points.length < 2) return null;
  const inWindow = points.filter((p) => p.t >= last.t - windowMs);
  const first = inWindow.length >= 2 ? inWindow[0]! : points.at(-2)!;
  const seconds = (last.t - first.t) / 1000;
  if (seconds <= 0) return null;
  return {
    consume: Math.max(0, (last.committed - first.committed) / seconds),
    produce: Math.max(0, (last.logEnd - first.logEnd) / seconds),
  };
}

/** `0`, `0.4`, `12.5`, `1,234`: a rate in messages per second, one decimal below 100. */
export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return '—';
  if (perSecond === 0) return '0';
  return perSecond < 100
    ? perSecond.toFixed(1).replace(/\.0$/, '')
    : Math.round(perSecond).toLocaleString('en-US');
}

/**
 * A value of a lag chart: records (exact in a legend, `12.3K` on an axis from ten thousand), time
 * lag as a duration, rates in records per second. A dash for none.
 */
export function formatMetric(metric: LagMetric, value: number | null | undefined, axis = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (metric === 'lag') return axis && Math.abs(value) >= 10_000 ? compactCount(value) : formatCount(value);
  if (metric === 'timeLag') return shortDuration(value);
  return `${formatRate(value)}/s`;
}
