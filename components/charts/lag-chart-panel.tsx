'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { MetricSelect, RangeButtons, ZoomNote } from '@/components/charts/lag-chart-controls';
import { LagChart } from '@/components/charts/lag-chart';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton, Spinner } from '@/components/ui/spinner';
import type { HistoryMode } from '@/components/ui/use-url-state';
import { hasBands } from '@/lib/chart/lag-series';
import { zoomWindow, type LagMetric, type LagRange } from '@/lib/chart/lag-window';
import { formatDuration } from '@/lib/format/duration';
import { lagSeriesOptions } from '@/lib/query/lag';
import type { LagSeriesList } from '@/lib/schemas/lag-history';

/** The chart settings both lag views keep in their address. */
export interface ChartState {
  range: LagRange;
  metric: LagMetric;
  from?: number;
  to?: number;
}

function resolutionNote(list: LagSeriesList, metric: LagMetric): string {
  const points =
    list.stepMs === 0
      ? 'Points as sampled: every minute, every 5 s while a page shows the group'
      : `One point per ${formatDuration(list.stepMs)}` +
        (hasBands(list, metric) ? ', the band from its lowest to its highest lag' : ', its last value');
  const rates = metric === 'consume' || metric === 'produce' ? '; rates between consecutive points' : '';
  return `${points}${rates}. Drag across the chart to zoom in.`;
}

/**
 * A lag chart with its controls: the range buttons, the metric, what the caller adds (a series
 * picker), the zoom in force with its reset, then the chart of the series read from the store.
 * A first load shows a skeleton, a failure the usual error panel in its place.
 */
export function LagChartPanel({
  clusterId,
  specs,
  state,
  onChange,
  withGroup,
  height,
  tools,
  emptyText,
}: {
  clusterId: string;
  /** Series specs of the lag history API, in the order they are drawn. */
  specs: string[];
  state: ChartState;
  onChange: (patch: Partial<ChartState>, mode?: HistoryMode) => void;
  withGroup: boolean;
  height: number;
  tools?: ReactNode;
  emptyText: string;
}) {
  const query = useQuery(
    lagSeriesOptions(clusterId, { series: specs, range: state.range, from: state.from, to: state.to }),
  );
  const zoomed = state.from !== undefined && state.to !== undefined;
  const resetZoom = () => onChange({ from: undefined, to: undefined }, 'push');

  return (
    <div className="space-y-3" data-testid="lag-chart-panel">
      <div className="flex flex-wrap items-center gap-2">
        <RangeButtons
          range={state.range}
          zoomed={zoomed}
          onRange={(range) => onChange({ range, from: undefined, to: undefined }, 'push')}
        />
        <MetricSelect metric={state.metric} onMetric={(metric) => onChange({ metric }, 'push')} />
        {tools}
        <span className="ml-auto flex min-h-7 flex-wrap items-center gap-2">
          {query.isFetching && query.isPlaceholderData && <Spinner className="size-3.5" />}
          {zoomed && <ZoomNote from={state.from!} to={state.to!} onReset={resetZoom} />}
        </span>
      </div>
      <QueryView
        query={query}
        loading={
          <div
            className="flex flex-col gap-3"
            style={{ height: height + 28 }}
            data-testid="lag-chart-loading"
          >
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="w-full flex-1 rounded-md" />
          </div>
        }
      >
        {(list) => (
          <div className="space-y-2">
            <LagChart
              list={list}
              metric={state.metric}
              withGroup={withGroup}
              height={height}
              onZoom={(from, to) => onChange(zoomWindow(from, to, Date.now()), 'push')}
              onResetZoom={zoomed ? resetZoom : undefined}
              emptyText={emptyText}
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="lag-resolution">
              {resolutionNote(list, state.metric)}
            </p>
          </div>
        )}
      </QueryView>
    </div>
  );
}
