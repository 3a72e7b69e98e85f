import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { IconAlert, IconRefresh } from '@/components/ui/icons';
import { cx } from '@/components/ui/cx';
import { describeError } from '@/lib/format/error';

/** Replaces a view that could not load: what failed, the server's message, and a way to try again. */
export function ErrorPanel({
  error,
  title,
  onRetry,
  retrying = false,
  hint,
  className,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
  hint?: ReactNode;
  className?: string;
}) {
  const described = describeError(error);
  return (
    <div
      role="alert"
      data-testid="error-panel"
      className={cx(
        'flex gap-3 rounded-lg border border-red-200 bg-red-50/60 p-4 dark:border-red-900/70 dark:bg-red-950/30',
        className,
      )}
    >
      <IconAlert className="mt-0.5 size-5 shrink-0 text-red-600 dark:text-red-400" />
      <div className="min-w-0 flex-1">
        <h2 className="font-semibold text-red-900 dark:text-red-200">{title ?? described.title}</h2>
        <p data-testid="error-message" className="mt-1 break-words text-red-800 dark:text-red-300">
          {described.message}
        </p>
        {hint && <p className="mt-2 text-xs text-red-700/80 dark:text-red-300/70">{hint}</p>}
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {onRetry && (
            <Button size="sm" onClick={onRetry} disabled={retrying}>
              <IconRefresh className={cx('size-3.5', retrying && 'animate-spin')} />
              {retrying ? 'Retrying…' : 'Retry'}
            </Button>
          )}
          {described.detail && (
            <code className="font-mono text-xs text-red-700/70 dark:text-red-300/60">{described.detail}</code>
          )}
        </div>
      </div>
    </div>
  );
}
