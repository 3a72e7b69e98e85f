'use client';

import dynamic from 'next/dynamic';
import { useMemo, useState } from 'react';
import { seriesColourVar } from '@/components/charts/chart-theme';
import type { PlotCursor } from '@/components/charts/lag-plot';
import { cx } from '@/components/ui/cx';
import { Skeleton } from '@/components/ui/spinner';
import { chartData, partName, seriesName, valueAt } from '@/lib/chart/lag-series';
import type { LagMetric } from '@/lib/chart/lag-window';
import { formatMetric } from '@/lib/format/lag';
import { formatTimestamp } from '@/lib/format/time';
import { seriesSpec, type LagSeriesList, type SeriesSpec } from '@/lib/schemas/lag-history';

// uPlot and its styles come with the first chart a page draws, not with every page's scripts.
const LagPlot = dynamic(() => import('@/components/charts/lag-plot').then((m) => m.LagPlot), {
  ssr: false,
  loading: () => <Skeleton className="h-full w-full rounded-md" />,
});

/** A series' name in the legend: a long group id gives way (truncated) to the topic or partition after it. */
function LegendName({ series, withGroup }: { series: SeriesSpec; withGroup: boolean }) {
  const part = partName(series);
  return (
    <span
      className="inline-flex min-w-0 text-zinc-600 dark:text-zinc-300"
      title={seriesName(series, withGroup)}
    >
      {withGroup && <span className={cx('truncate', part ? 'max-w-48' : 'max-w-80')}>{series.groupId}</span>}
      {withGroup && part && <span className="shrink-0 px-1 text-zinc-400 dark:text-zinc-500">›</span>}
      {(part || !withGroup) && <span className="max-w-64 truncate">{part || 'Group total'}</span>}
    </span>
  );
}

/** Each series' colour, name and value: at the hovered instant, else its latest. */
function Legend({
  series,
  withGroup,
  values,
  metric,
  at,
}: {
  series: SeriesSpec[];
  withGroup: boolean;
  values: (number | null)[];
  metric: LagMetric;
  at: number | null;
}) {
  return (
    <figcaption className="flex flex-wrap items-baseline gap-x-5 gap-y-1.5 text-xs" data-testid="lag-legend">
      <span className="text-zinc-500 tabular-nums dark:text-zinc-400" data-testid="lag-legend-at">
        {at === null ? 'Latest' : formatTimestamp(at, { millis: false })}
      </span>
      {series.map((s, i) => (
        <span
          key={seriesSpec(s)}
          className="inline-flex min-w-0 items-baseline gap-1.5"
          data-testid="lag-legend-item"
          data-series={seriesSpec(s)}
        >
          <span
            className="inline-block h-0.5 w-3.5 shrink-0 translate-y-[-3px] rounded"
            style={{ background: seriesColourVar(i) }}
          />
          <LegendName series={s} withGroup={withGroup} />
          <span
            className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-50"
            data-testid="lag-legend-value"
            data-value={values[i] ?? undefined}
          >
            {formatMetric(metric, values[i])}
          </span>
        </span>
      ))}
    </figcaption>
  );
}

/**
 * A lag chart of one answer of the lag history API: the legend, then the plot (uPlot, loaded on
 * demand) with its gaps where the console sampled nothing, or a note when the window holds no point.
 */
export function LagChart({
  list,
  metric,
  withGroup,
  height,
  onZoom,
  onResetZoom,
  emptyText,
}: {
  list: LagSeriesList;
  metric: LagMetric;
  /** Name each series with its group (several groups on one chart). */
  withGroup: boolean;
  height: number;
  onZoom: (from: number, to: number) => void;
  onResetZoom?: () => void;
  emptyText: string;
}) {
  const data = useMemo(() => chartData(list, metric), [list, metric]);
  const names = list.series.map((s) => seriesName(s, withGroup));
  const [cursor, setCursor] = useState<PlotCursor | null>(null);
  const hovered = cursor ? (data.x[cursor.idx] ?? null) : null;
  const values = data.values.map((column, i) => valueAt(column, cursor ? cursor.idxs[i] : null));
  const empty = !data.values.some((column) => column.some((v) => typeof v === 'number'));
  const window = useMemo(() => ({ from: list.from, to: list.to }), [list.from, list.to]);

  return (
    <figure
      className="space-y-3"
      data-testid="lag-chart"
      data-metric={metric}
      data-step={list.stepMs}
      data-points={data.x.length}
    >
      <Legend
        series={list.series}
        withGroup={withGroup}
        values={values}
        metric={metric}
        at={cursor ? hovered : null}
      />
      <div className="relative" style={{ height }} data-testid="lag-plot">
        {empty ? (
          <div
            className="flex h-full items-center justify-center rounded-md border border-dashed border-zinc-300 px-6 text-center text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400"
            data-testid="lag-chart-empty"
          >
            {emptyText}
          </div>
        ) : (
          <LagPlot
            data={data}
            metric={metric}
            names={names}
            window={window}
            height={height}
            onCursor={setCursor}
            onZoom={onZoom}
            onResetZoom={onResetZoom}
          />
        )}
      </div>
    </figure>
  );
}
