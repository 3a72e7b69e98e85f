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

export type StatTone = 'neutral' | 'success' | 'warning' | 'danger';

const statTones: Record<StatTone, { card: string; value: string }> = {
  neutral: {
    card: 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
    value: 'text-zinc-900 dark:text-zinc-50',
  },
  success: {
    card: 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
    value: 'text-emerald-700 dark:text-emerald-400',
  },
  warning: {
    card: 'border-amber-300 bg-amber-50 dark:border-amber-700/60 dark:bg-amber-950/30',
    value: 'text-amber-700 dark:text-amber-300',
  },
  danger: {
    card: 'border-red-300 bg-red-50 dark:border-red-800/70 dark:bg-red-950/30',
    value: 'text-red-700 dark:text-red-300',
  },
};

/**
 * A labelled figure: the label on top, the value large, an optional line of context under it. A warning or
 * danger tone tints the card, for figures that should be zero (under-replicated, offline).
 */
export function StatCard({
  label,
  value,
  detail,
  icon,
  tone = 'neutral',
  className,
  ...props
}: Omit<HTMLAttributes<HTMLDivElement>, 'children'> & {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  icon?: ReactNode;
  tone?: StatTone;
}) {
  return (
    <div
      className={cx(
        'flex min-w-0 flex-col gap-1 rounded-lg border px-4 py-3 shadow-xs',
        statTones[tone].card,
        className,
      )}
      data-tone={tone}
      {...props}
    >
      <div className="flex items-center justify-between gap-2 text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
        <span>{label}</span>
        {icon && <span className="text-zinc-400 dark:text-zinc-500">{icon}</span>}
      </div>
      <div className={cx('min-w-0 truncate text-xl font-semibold tabular-nums', statTones[tone].value)}>
        {value}
      </div>
      {/* A long word (an assignor class name) wraps instead of running out of the card. */}
      {detail && (
        <div className="min-w-0 text-xs [overflow-wrap:anywhere] text-zinc-500 dark:text-zinc-400">
          {detail}
        </div>
      )}
    </div>
  );
}
