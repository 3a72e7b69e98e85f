import { cx } from '@/components/ui/cx';
import { formatCount } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';

/** A lag figure: quiet at 0, emphasised when behind, a dash when unknown. */
export function LagValue({
  lag,
  className,
  ...props
}: {
  lag: number | null;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <span
      data-value={lag ?? undefined}
      className={cx(
        'tabular-nums',
        lag === null || lag === 0
          ? 'text-zinc-500 dark:text-zinc-400'
          : 'font-medium text-zinc-900 dark:text-zinc-100',
        className,
      )}
      {...props}
    >
      {formatCount(lag)}
    </span>
  );
}

/**
 * A time lag: how old the oldest unconsumed record is. Quiet at 0, a dash when it could not be read;
 * whole seconds past a second, since the figure moves with the clock.
 */
export function TimeLagValue({
  ms,
  className,
  ...props
}: {
  ms: number | null;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <span
      data-value={ms ?? undefined}
      title={ms ? 'Age of the next record to consume' : undefined}
      className={cx(
        'tabular-nums',
        !ms ? 'text-zinc-500 dark:text-zinc-400' : 'font-medium text-zinc-900 dark:text-zinc-100',
        className,
      )}
      {...props}
    >
      {ms === null ? '—' : formatDuration(ms < 1000 ? ms : Math.round(ms / 1000) * 1000)}
    </span>
  );
}
