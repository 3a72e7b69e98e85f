'use client';

import { useLayoutEffect, useMemo, useState } from 'react';
import uPlot from 'uplot';
import { readChartTheme, SERIES_COLOURS, type ChartTheme } from '@/components/charts/chart-theme';
import { UplotChart } from '@/components/charts/uplot-chart';
import { useTheme } from '@/components/layout/use-theme';
import type { LagMetric } from '@/lib/chart/lag-window';
import { loneIndices, valueSteps, type ChartData } from '@/lib/chart/lag-series';
import { formatMetric } from '@/lib/format/lag';
import { timeTicks } from '@/lib/format/time';

/** Where the cursor is: the instant's index, and each series' own nearest point (null: none near). */
export interface PlotCursor {
  idx: number;
  idxs: (number | null)[];
}

export interface LagPlotProps {
  data: ChartData;
  metric: LagMetric;
  /** One name per series, in the order of `data.values`. */
  names: string[];
  /** The window drawn, edge to edge, whatever part of it has points. */
  window: { from: number; to: number };
  height: number;
  onCursor: (cursor: PlotCursor | null) => void;
  /** A span dragged across the chart, in epoch milliseconds. */
  onZoom: (from: number, to: number) => void;
  /** A double click on the chart. */
  onResetZoom?: () => void;
}

type Handlers = Pick<LagPlotProps, 'onCursor' | 'onZoom' | 'onResetZoom'>;

/** What the chart's hooks and its x range read when they run, never while React renders. */
class LiveProps {
  constructor(
    private current: Handlers,
    private shown: { from: number; to: number },
    private dots: number[][],
  ) {}
  update(handlers: Handlers, window: { from: number; to: number }, lone: number[][]) {
    this.current = handlers;
    this.shown = window;
    this.dots = lone;
  }
  handlers = () => this.current;
  window = () => this.shown;
  /** Each series' points with no line to them (by the series' index, from 1). */
  lone = (si: number) => this.dots[si - 1] ?? [];
}

/** The hover dot of a series; band edges get none (uPlot skips a series whose dot is not an element). */
function cursorDot(size: number): HTMLElement {
  const dot = document.createElement('div');
  Object.assign(dot.style, {
    width: `${size}px`,
    height: `${size}px`,
    marginLeft: `${-size / 2}px`,
    marginTop: `${-size / 2}px`,
    borderWidth: '2px',
  });
  return dot;
}

/** Room for the longest value label on the left axis. */
const valueAxisWidth = (values: string[] | null) =>
  Math.ceil(Math.max(3, ...(values ?? []).map((v) => v.length)) * 6.6) + 14;

function plotOptions(
  metric: LagMetric,
  names: string[],
  banded: boolean,
  theme: ChartTheme,
  live: LiveProps,
): Omit<uPlot.Options, 'width' | 'height'> {
  const n = names.length;
  const colour = (i: number) => theme.series[i % SERIES_COLOURS]!;
  const axis = {
    stroke: theme.text,
    font: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.tick, width: 1, size: 4 },
  };
  return {
    ms: 1,
    legend: { show: false },
    // Room on the right for half of the last time label, which may sit on the edge.
    padding: [10, 30, 0, 0],
    series: [
      {},
      ...names.map((label, i) => ({
        label,
        stroke: colour(i),
        width: 2,
        points: {
          size: 5,
          fill: colour(i),
          stroke: colour(i),
          // uPlot dots every point only where they are sparse; a point no line reaches gets one anyway.
          filter: (_u: uPlot, si: number, show: boolean) => (show ? null : live.lone(si)),
        },
      })),
      // Each band's edges (highest, then lowest lag of each bucket), drawn only as the band's fill.
      ...(banded
        ? names.flatMap((label) =>
            ['max', 'min'].map((edge) => ({
              label: `${label} ${edge}`,
              stroke: 'transparent',
              width: 0,
              points: { show: false },
            })),
          )
        : []),
    ],
    bands: banded
      ? names.map((_, i) => ({
          series: [n + 1 + 2 * i, n + 2 + 2 * i] as [number, number],
          fill: theme.bands[i % SERIES_COLOURS],
        }))
      : undefined,
    scales: {
      x: { time: true, range: () => [live.window().from, live.window().to] },
      y: {
        range: (_u, min, max) =>
          max === null || !(max > 0)
            ? [0, metric === 'timeLag' ? 1_000 : 1]
            : uPlot.rangeNum(0, max, 0.1, true),
      },
    },
    axes: [
      { ...axis, space: 70, size: 42, values: (_u, ticks, _a, _s, step) => timeTicks(ticks, step) },
      {
        ...axis,
        ticks: { show: false },
        space: 28,
        incrs: valueSteps(metric),
        size: (_u, values) => valueAxisWidth(values),
        values: (_u, ticks) => ticks.map((v) => formatMetric(metric, v, true)),
      },
    ],
    cursor: {
      y: false,
      drag: { x: true, y: false, setScale: false },
      // uPlot takes a dot per series or none; a band edge has none.
      points: {
        show: (_u, si) => (si <= n ? cursorDot(8) : (null as unknown as HTMLElement)),
        size: 8,
        width: 2,
      },
    },
    hooks: {
      setCursor: [
        (u) => {
          const idx = u.cursor.idx;
          live
            .handlers()
            .onCursor(
              idx === null || idx === undefined ? null : { idx, idxs: (u.cursor.idxs ?? []).slice(1, n + 1) },
            );
        },
      ],
      setSelect: [
        (u) => {
          const { left, width } = u.select;
          if (width >= 4) live.handlers().onZoom(u.posToVal(left, 'x'), u.posToVal(left + width, 'x'));
          u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
        },
      ],
      ready: [(u) => u.over.addEventListener('dblclick', () => live.handlers().onResetZoom?.())],
    },
  };
}

/**
 * The canvas of a lag chart (uPlot): a line per series, each series' min–max band where points are
 * buckets, a drag to zoom, its own colours from the theme (made anew when the theme changes).
 */
export function LagPlot({ data, metric, names, window, height, ...handlers }: LagPlotProps) {
  const { theme } = useTheme();
  // The chart's hooks and x range read the latest props when they run: one object for the chart's
  // life, brought up to date before the chart's own effects give it new data.
  const lone = useMemo(() => data.values.map(loneIndices), [data]);
  const [live] = useState(() => new LiveProps(handlers, window, lone));
  useLayoutEffect(() => live.update(handlers, window, lone));
  const banded = data.bands !== null;
  const key = names.join('\u0000');
  const options = useMemo(
    () => plotOptions(metric, key.split('\u0000'), banded, readChartTheme(), live),
    // The theme is read from the page's styles: `theme` is what changes them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [metric, key, banded, theme, live],
  );
  const aligned = useMemo(
    () =>
      [
        data.x,
        ...data.values,
        ...(data.bands ?? []).flatMap((band) => [band.max, band.min]),
      ] as unknown as uPlot.AlignedData,
    [data],
  );
  return <UplotChart options={options} data={aligned} height={height} className="w-full" />;
}
