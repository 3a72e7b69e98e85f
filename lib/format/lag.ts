import type { LagMetric } from '@/lib/chart/lag-window';
import { compactCount, formatCount } from '@/lib/format/count';
import { shortDuration } from '@/lib/format/duration';

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
