import { cx } from '@/components/ui/cx';
import { formatCount } from '@/lib/format/count';

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
