import type { HTMLAttributes } from 'react';
import { cx } from '@/components/ui/cx';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'caution' | 'warning' | 'danger' | 'critical';

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
  accent:
    'bg-accent-50 text-accent-700 ring-accent-200 dark:bg-accent-500/15 dark:text-accent-300 dark:ring-accent-400/30',
  success:
    'bg-emerald-50 text-emerald-700 ring-emerald-200 dark:bg-emerald-500/15 dark:text-emerald-300 dark:ring-emerald-400/30',
  /** Lighter than warning: worth a look, not yet a problem. */
  caution:
    'bg-yellow-50 text-yellow-800 ring-yellow-200 dark:bg-yellow-400/10 dark:text-yellow-200 dark:ring-yellow-300/25',
  warning:
    'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-500/15 dark:text-amber-300 dark:ring-amber-400/30',
  danger: 'bg-red-50 text-red-700 ring-red-200 dark:bg-red-500/15 dark:text-red-300 dark:ring-red-400/30',
  /** Solid: something was already lost. */
  critical: 'bg-red-600 text-white ring-red-700 dark:bg-red-600 dark:text-white dark:ring-red-500',
};

export function Badge({
  tone = 'neutral',
  className,
  ...props
}: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs leading-4 font-medium whitespace-nowrap ring-1 ring-inset',
        tones[tone],
        className,
      )}
      {...props}
    />
  );
}
