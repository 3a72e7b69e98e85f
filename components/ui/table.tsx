import type { HTMLAttributes, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import { cx } from '@/components/ui/cx';
import { IconArrowDown, IconArrowUp } from '@/components/ui/icons';

export function Table({ className, ...props }: TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900">
      <table className={cx('w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <thead
      className={cx(
        'border-b border-zinc-200 bg-zinc-50 text-xs text-zinc-500 dark:border-zinc-800 dark:bg-zinc-900/60 dark:text-zinc-400',
        className,
      )}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx('divide-y divide-zinc-100 dark:divide-zinc-800', className)} {...props} />;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx('hover:bg-zinc-50 dark:hover:bg-zinc-800/40', className)} {...props} />;
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cx('px-3 py-2 font-medium whitespace-nowrap', className)} {...props} />;
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cx('px-3 py-2 whitespace-nowrap', className)} {...props} />;
}

/**
 * A column header that sorts: a button inside the `th`, `aria-sort` on it. The first click on a new column
 * sorts ascending, the next one flips the direction.
 */
export function SortTh({
  label,
  active,
  dir,
  onSort,
  align = 'left',
  className,
  'data-testid': testId,
}: {
  label: string;
  active: boolean;
  dir: 'asc' | 'desc';
  onSort: () => void;
  align?: 'left' | 'right';
  className?: string;
  'data-testid'?: string;
}) {
  const Arrow = dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={cx(
        'px-1.5 py-1 font-medium whitespace-nowrap',
        align === 'right' && 'text-right',
        className,
      )}
    >
      <button
        type="button"
        onClick={onSort}
        data-testid={testId}
        className={cx(
          'focus-visible:outline-accent-500 inline-flex items-center gap-1 rounded px-1.5 py-1 hover:bg-zinc-200/60 hover:text-zinc-900 focus-visible:outline-2 dark:hover:bg-zinc-800 dark:hover:text-zinc-100',
          align === 'right' && 'flex-row-reverse',
          active && 'text-zinc-900 dark:text-zinc-100',
        )}
      >
        {label}
        <Arrow className={cx('size-3', active ? 'opacity-100' : 'opacity-0')} />
      </button>
    </th>
  );
}

/** A right-aligned numeric cell. */
export function NumTd({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <Td className={cx('text-right tabular-nums', className)} {...props} />;
}
