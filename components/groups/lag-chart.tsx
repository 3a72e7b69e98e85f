'use client';

import { useEffect, useRef, useState } from 'react';
import { LagChartPlot, type ChartSeries } from '@/components/groups/lag-chart-plot';
import { cx } from '@/components/ui/cx';
import { chartScales, enoughPoints, nearestTime, tooltipPlacement } from '@/lib/chart/geometry';
import { clockTime, zoneOffset } from '@/lib/format/time';

/** The width the chart gets from its container, following resizes; 0 until measured. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <figcaption className="flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
      {series.map((s) => (
        <span key={s.id} className="inline-flex items-center gap-1.5">
          <span className={cx('inline-block h-0.5 w-4 rounded', s.swatch)} />
          {s.label}
        </span>
      ))}
    </figcaption>
  );
}

/** The hovered instant and each series' value there (a dash where a series has no sample). */
function Tooltip({
  series,
  hover,
  placement,
  formatValue,
}: {
  series: ChartSeries[];
  hover: number;
  placement: { left: number } | { right: number };
  formatValue: (v: number) => string;
}) {
  return (
    <div
      role="status"
      className="pointer-events-none absolute top-1 rounded-md border border-zinc-200 bg-white/95 px-2 py-1 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95"
      style={placement}
      data-testid="chart-tooltip"
    >
      <div className="font-medium text-zinc-500 tabular-nums dark:text-zinc-400">
        {clockTime(hover)} {zoneOffset(hover)}
      </div>
      {series.map((s) => {
        const p = s.points.find((point) => point.t === hover);
        return (
          <div key={s.id} className="flex items-center gap-1.5 tabular-nums">
            <span className={cx('inline-block size-2 rounded-full', s.swatch)} />
            {series.length > 1 && <span className="text-zinc-500 dark:text-zinc-400">{s.label}</span>}
            <span className="font-semibold text-zinc-900 dark:text-zinc-100">
              {p ? formatValue(p.v) : '—'}
            </span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * A dependency-free line chart over time: value ticks on the left, clock times below, and on hover the values
 * of the nearest sample. The first series may get a soft area under it. The arithmetic is lib/chart/geometry.ts.
 */
export function LagChart({
  series,
  height = 220,
  formatValue,
  integer = false,
  gapMs = 20_000,
  label,
  emptyText = 'Collecting samples…',
  'data-testid': testId,
}: {
  series: ChartSeries[];
  height?: number;
  formatValue: (v: number) => string;
  integer?: boolean;
  gapMs?: number;
  label: string;
  emptyText?: string;
  'data-testid'?: string;
}) {
  const { ref, width } = useWidth();
  const [hover, setHover] = useState<number | null>(null);
  const points = series.map((s) => s.points);
  const enough = enoughPoints(points);
  const scales = chartScales(points, { width, height, integer });

  return (
    <figure className="space-y-2" data-testid={testId} data-points={points.flat().length}>
      {series.length > 1 && <Legend series={series} />}
      <div ref={ref} className="relative w-full" style={{ height }}>
        {!enough ? (
          <div className="flex h-full items-center justify-center rounded-md border border-dashed border-zinc-300 text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
            {emptyText}
          </div>
        ) : (
          width > 0 && (
            <LagChartPlot
              scales={scales}
              series={series}
              width={width}
              height={height}
              gapMs={gapMs}
              label={label}
              formatValue={formatValue}
              hover={hover}
              onHover={(px) => setHover(px === null ? null : nearestTime(scales, px))}
            />
          )
        )}
        {hover !== null && enough && (
          <Tooltip
            series={series}
            hover={hover}
            placement={tooltipPlacement(scales.x(hover), width)}
            formatValue={formatValue}
          />
        )}
      </div>
    </figure>
  );
}
