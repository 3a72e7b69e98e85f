import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { IconUndo } from '@/components/ui/icons';
import {
  lagMetrics,
  lagRanges,
  metricLabel,
  rangeLabel,
  type LagMetric,
  type LagRange,
} from '@/lib/chart/lag-window';
import { formatTimestamp } from '@/lib/format/time';

/** 15 min … 30 d as a segmented control; none is checked while a zoom is in force. */
export function RangeButtons({
  range,
  zoomed,
  onRange,
}: {
  range: LagRange;
  zoomed: boolean;
  onRange: (range: LagRange) => void;
}) {
  return (
    <div
      role="radiogroup"
      aria-label="Time range"
      className="inline-flex rounded-md border border-zinc-300 bg-zinc-100 p-0.5 dark:border-zinc-700 dark:bg-zinc-900"
    >
      {lagRanges.map((r) => {
        const checked = !zoomed && r === range;
        return (
          <button
            key={r}
            type="button"
            role="radio"
            aria-checked={checked}
            data-testid={`lag-range-${r}`}
            onClick={() => (zoomed || r !== range) && onRange(r)}
            className={cx(
              'focus-visible:outline-accent-500 rounded px-2.5 py-0.5 text-xs font-medium whitespace-nowrap tabular-nums transition-colors focus-visible:outline-2',
              checked
                ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-700 dark:text-zinc-50'
                : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
            )}
          >
            {rangeLabel[r]}
          </button>
        );
      })}
    </div>
  );
}

const metricHint: Record<LagMetric, string> = {
  lag: 'records not yet consumed',
  timeLag: 'age of the oldest unconsumed record',
  consume: 'committed offsets per second',
  produce: 'log end offsets per second',
};

/** Lag, time lag, consume rate or produce rate. */
export function MetricSelect({ metric, onMetric }: { metric: LagMetric; onMetric: (m: LagMetric) => void }) {
  return (
    <label className="inline-flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
      <span className="sr-only">Metric</span>
      <select
        value={metric}
        onChange={(event) => onMetric(event.target.value as LagMetric)}
        data-testid="lag-metric"
        title={metricHint[metric]}
        className="focus-visible:outline-accent-500 h-7 rounded-md border border-zinc-300 bg-white pr-7 pl-2 text-xs font-medium text-zinc-900 shadow-xs focus-visible:outline-2 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {lagMetrics.map((m) => (
          <option key={m} value={m}>
            {metricLabel[m]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The zoomed window, and the way back to the range. */
export function ZoomNote({ from, to, onReset }: { from: number; to: number; onReset: () => void }) {
  const sameDay = formatTimestamp(from).slice(0, 10) === formatTimestamp(to).slice(0, 10);
  const end = formatTimestamp(to, { millis: false });
  return (
    <span className="inline-flex items-center gap-2 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
      <span data-testid="lag-zoom-window">
        {formatTimestamp(from, { millis: false })} – {sameDay ? end.slice(11) : end}
      </span>
      <Button size="sm" onClick={onReset} data-testid="lag-reset-zoom">
        <IconUndo className="size-3.5" />
        Reset zoom
      </Button>
    </span>
  );
}
