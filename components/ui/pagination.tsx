'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { IconChevronLeft, IconChevronRight } from '@/components/ui/icons';
import { formatCount } from '@/lib/format/count';

/** "51–100 of 10,000", a page-size picker and previous/next; pages are counted from 1. */
export function Pagination({
  page,
  pageSize,
  total,
  pageSizes = [25, 50, 100, 200],
  onPage,
  onPageSize,
  noun = 'items',
}: {
  page: number;
  pageSize: number;
  total: number;
  pageSizes?: number[];
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  noun?: string;
}) {
  const id = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);

  return (
    <nav
      aria-label="Pagination"
      data-testid="pagination"
      className="flex flex-wrap items-center justify-between gap-3 text-xs text-zinc-600 dark:text-zinc-400"
    >
      <span className="tabular-nums" data-testid="pagination-range">
        {first > last
          ? `No ${noun} on page ${page}`
          : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} ${noun}`}
      </span>
      <div className="flex items-center gap-3">
        <label htmlFor={id} className="flex items-center gap-1.5">
          Rows per page
          <select
            id={id}
            data-testid="page-size"
            value={pageSize}
            onChange={(event) => onPageSize(Number(event.target.value))}
            className="focus-visible:outline-accent-500 h-7 rounded-md border border-zinc-300 bg-white px-1.5 text-xs text-zinc-800 focus-visible:outline-2 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
          >
            {sizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span className="tabular-nums" data-testid="pagination-page">
          Page {formatCount(Math.min(page, pages))} of {formatCount(pages)}
        </span>
        <div className="flex gap-1">
          <Button
            size="sm"
            aria-label="Previous page"
            data-testid="page-prev"
            disabled={page <= 1}
            onClick={() => onPage(Math.min(page - 1, pages))}
          >
            <IconChevronLeft className="size-3.5" />
          </Button>
          <Button
            size="sm"
            aria-label="Next page"
            data-testid="page-next"
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            <IconChevronRight className="size-3.5" />
          </Button>
        </div>
      </div>
    </nav>
  );
}
