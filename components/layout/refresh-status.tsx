import type { UseQueryResult } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { IconRefresh } from '@/components/ui/icons';
import { useHydrated } from '@/components/ui/use-hydrated';
import { clockTime, timeTitle } from '@/lib/format/time';

/** "Updated 14:03:27 · every 10 s" and a manual refresh, for views that poll. */
export function RefreshStatus({
  query,
  intervalMs,
}: {
  query: Pick<UseQueryResult, 'dataUpdatedAt' | 'isFetching' | 'refetch'>;
  intervalMs?: number;
}) {
  // The time is the browser's local time: data read on the server shows it once the page has hydrated.
  const hydrated = useHydrated();
  return (
    <>
      {hydrated && query.dataUpdatedAt > 0 && (
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="refresh-status">
          Updated{' '}
          <time dateTime={new Date(query.dataUpdatedAt).toISOString()} title={timeTitle(query.dataUpdatedAt)}>
            {clockTime(query.dataUpdatedAt)}
          </time>
          {intervalMs ? ` · every ${Math.round(intervalMs / 1000)} s` : null}
        </span>
      )}
      <Button
        size="sm"
        onClick={() => void query.refetch()}
        disabled={query.isFetching}
        aria-label="Refresh now"
        title="Refresh now"
      >
        <IconRefresh className={cx('size-3.5', query.isFetching && 'animate-spin')} />
        Refresh
      </Button>
    </>
  );
}
