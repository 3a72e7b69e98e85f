import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/error-panel';
import { describeError } from '@/lib/format/error';
import { clockTime, zoneOffset } from '@/lib/format/time';

/**
 * The three states of a query view. A failed first load shows the error (never an endless spinner); a failed
 * refresh keeps the last data on screen under a notice saying how old it is.
 */
export function QueryView<T>({
  query,
  loading,
  errorHint,
  children,
}: {
  query: UseQueryResult<T, Error>;
  loading: ReactNode;
  errorHint?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) {
    return (
      <>
        {query.error && (
          <Alert
            action={
              <Button size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
                Retry
              </Button>
            }
          >
            <span className="font-medium">Refresh failed:</span> {describeError(query.error).message}. Showing
            data from {clockTime(query.dataUpdatedAt)} {zoneOffset(query.dataUpdatedAt)}.
          </Alert>
        )}
        {children(query.data)}
      </>
    );
  }
  if (query.error) {
    return (
      <ErrorPanel
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
        hint={errorHint}
      />
    );
  }
  return <>{loading}</>;
}
