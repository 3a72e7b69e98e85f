import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { IconAlert } from '@/components/ui/icons';

type Tone = 'warning' | 'danger';

const tones: Record<Tone, string> = {
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200',
  danger: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200',
};

/** A one-line notice above content that is still shown, e.g. "last refresh failed". */
export function Alert({
  tone = 'warning',
  children,
  action,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="alert"
      className={cx('flex items-start gap-2 rounded-md border px-3 py-2 text-sm', tones[tone], className)}
    >
      <IconAlert className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
      {action}
    </div>
  );
}
