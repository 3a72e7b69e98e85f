import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { lagApi, type LagSeriesRequest } from '@/lib/api/lag';
import { chartWindow, pollMs, rangeMs } from '@/lib/chart/lag-window';
import { keys } from '@/lib/query/query-keys';

/**
 * A lag chart's series from the store. A moving window is read up to now at each poll (its key
 * names the range, not the instants, so polls replace its data rather than start a new query),
 * every 5 s up to an hour and less often beyond; a zoom is a fixed window, read once.
 */
export const lagSeriesOptions = (clusterId: string, request: LagSeriesRequest) => {
  const zoomed = request.from !== undefined && request.to !== undefined;
  return queryOptions({
    queryKey: keys.lag.series(clusterId, request),
    queryFn: ({ signal }) => {
      const { from, to } = chartWindow(request, Date.now());
      return lagApi.series(clusterId, { series: request.series, from, to }, signal);
    },
    enabled: request.series.length > 0,
    placeholderData: keepPreviousData,
    refetchInterval: zoomed ? false : pollMs(rangeMs[request.range]),
  });
};
