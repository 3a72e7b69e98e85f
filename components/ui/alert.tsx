import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { IconAlert, IconCheck, IconClose, IconInfo } from '@/components/ui/icons';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const tones: Record<Tone, string> = {
  info: 'border-accent-200 bg-accent-50 text-accent-900 dark:border-accent-800 dark:bg-accent-950/40 dark:text-accent-200',
  success:
    'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-200',
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200',
  danger: 'border-red-300 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200',
};

/** A one-line notice above content that is still shown, e.g. "last refresh failed", or an action's outcome. */
export function Alert({
  tone = 'warning',
  children,
  action,
  onDismiss,
  className,
  'data-testid': testId,
}: {
  tone?: Tone;
  children: ReactNode;
  action?: ReactNode;
  /** Shows a close button: for outcomes the user has read, such as "topic created". */
  onDismiss?: () => void;
  className?: string;
  'data-testid'?: string;
}) {
  const Icon = tone === 'success' ? IconCheck : tone === 'info' ? IconInfo : IconAlert;
  return (
    <div
      role={tone === 'info' || tone === 'success' ? 'status' : 'alert'}
      data-testid={testId}
      className={cx('flex items-start gap-2 rounded-md border px-3 py-2 text-sm', tones[tone], className)}
    >
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">{children}</div>
      {action}
      {onDismiss && (
        <Button variant="ghost" size="icon" className="-my-1 size-6" aria-label="Dismiss" onClick={onDismiss}>
          <IconClose className="size-3.5" />
        </Button>
      )}
    </div>
  );
}
