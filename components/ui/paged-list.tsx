import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';

/**
 * One page of a list paged on the server, with the pager under it. An empty page says why: nothing at all
 * (`emptyTitle`, `emptyText`, `emptyAction`), or a page past the end, with a way back to the first one.
 */
export function PagedList({
  count,
  total,
  page,
  pageSize,
  noun,
  onPage,
  onPageSize,
  icon,
  emptyTitle,
  emptyText,
  emptyAction,
  'data-testid': emptyTestId,
  children,
}: {
  /** Items on this page. */
  count: number;
  total: number;
  page: number;
  pageSize: number;
  noun: string;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
  icon: ReactNode;
  emptyTitle: ReactNode;
  emptyText: ReactNode;
  emptyAction?: ReactNode;
  /** The empty state's test id. */
  'data-testid': string;
  children: ReactNode;
}) {
  return (
    <>
      {count === 0 ? (
        <EmptyState
          icon={icon}
          title={total > 0 ? `No ${noun} on page ${page}` : emptyTitle}
          data-testid={emptyTestId}
          action={total > 0 ? undefined : emptyAction}
        >
          {total > 0 ? (
            <button
              type="button"
              className="text-accent-700 dark:text-accent-300 underline"
              onClick={() => onPage(1)}
            >
              Go to the first page
            </button>
          ) : (
            emptyText
          )}
        </EmptyState>
      ) : (
        children
      )}
      {total > 0 && (
        <Pagination
          page={page}
          pageSize={pageSize}
          total={total}
          noun={noun}
          onPage={onPage}
          onPageSize={onPageSize}
        />
      )}
    </>
  );
}
