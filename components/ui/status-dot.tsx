import { cx } from '@/components/ui/cx';

export type Status = 'up' | 'down' | 'unknown';

const colours: Record<Status, string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-500',
  unknown: 'bg-zinc-400 dark:bg-zinc-500',
};

const labels: Record<Status, string> = { up: 'up', down: 'down', unknown: 'status unknown' };

/** A coloured dot with its meaning spelled out for screen readers (colour alone says nothing to them). */
export function StatusDot({ status, className }: { status: Status; className?: string }) {
  return (
    <span className={cx('relative inline-flex size-2 shrink-0', className)} data-status={status}>
      {status === 'down' && (
        <span className="absolute inset-0 animate-ping rounded-full bg-red-400 opacity-60" />
      )}
      <span className={cx('relative inline-flex size-2 rounded-full', colours[status])} />
      <span className="sr-only">{labels[status]}</span>
    </span>
  );
}
