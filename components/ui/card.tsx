import type { HTMLAttributes, ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cx(
        'rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
      {...props}
    />
  );
}

/** A labelled figure: the label on top, the value large, an optional line of context under it. */
export function StatCard({
  label,
  value,
  detail,
  icon,
  ...props
}: Omit<HTMLAttributes<HTMLDivElement>, 'children'> & {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <Card className="flex min-w-0 flex-col gap-1 px-4 py-3" {...props}>
      <div className="flex items-center justify-between gap-2 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        <span>{label}</span>
        {icon && <span className="text-zinc-400 dark:text-zinc-500">{icon}</span>}
      </div>
      <div className="min-w-0 truncate text-xl font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
        {value}
      </div>
      {detail && <div className="min-w-0 text-xs text-zinc-500 dark:text-zinc-400">{detail}</div>}
    </Card>
  );
}
