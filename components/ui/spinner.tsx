import { cx } from '@/components/ui/cx';

export function Spinner({ className, label }: { className?: string; label?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-2">
      <svg viewBox="0 0 24 24" aria-hidden="true" className={cx('size-4 animate-spin', className)}>
        <circle
          cx="12"
          cy="12"
          r="9"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
          className="opacity-20"
        />
        <path
          d="M21 12a9 9 0 0 0-9-9"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
        />
      </svg>
      {label && <span className="text-zinc-500 dark:text-zinc-400">{label}</span>}
    </span>
  );
}

export function Skeleton({ className }: { className?: string }) {
  return <span className={cx('block animate-pulse rounded bg-zinc-200 dark:bg-zinc-800', className)} />;
}
