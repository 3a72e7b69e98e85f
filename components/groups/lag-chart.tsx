'use client';

import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { cx } from '@/components/ui/cx';
import { niceTicks, timeTicks } from '@/lib/format/lag';
import { clockTime, zoneOffset } from '@/lib/format/time';

export interface ChartSeries {
  id: string;
  label: string;
  /** Tailwind classes for the line (`stroke-…`) and its legend swatch and dots (`bg-…`, `fill-…`). */
  stroke: string;
  swatch: string;
  /** A `fill-…` class: the first series with one gets a soft area under its line. */
  area?: string;
  points: Array<{ t: number; v: number }>;
}

const margin = { top: 10, right: 14, bottom: 24, left: 56 };

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

/** An SVG path through the points, lifting the pen across gaps longer than `gapMs` (the sampler missed). */
function linePath(
  points: ChartSeries['points'],
  x: (t: number) => number,
  y: (v: number) => number,
  gapMs: number,
) {
  return points
    .map((p, i) => {
      const prev = points[i - 1];
      const move = !prev || p.t - prev.t > gapMs;
      return `${move ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`;
    })
    .join('');
}

/**
 * A dependency-free line chart over time: value ticks on the left, clock times below, and on hover the values
 * of the nearest sample. The first series may get a soft area under it.
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
  const all = series.flatMap((s) => s.points);
  const enough = series.some((s) => s.points.length >= 2);

  const from = Math.min(...all.map((p) => p.t));
  const to = Math.max(...all.map((p) => p.t));
  const yTicks = niceTicks(Math.max(0, ...all.map((p) => p.v)), { integer });
  const yMax = yTicks.at(-1) ?? 1;
  const innerW = Math.max(0, width - margin.left - margin.right);
  const innerH = height - margin.top - margin.bottom;
  const x = (t: number) => margin.left + (to > from ? ((t - from) / (to - from)) * innerW : innerW / 2);
  const y = (v: number) => margin.top + innerH - (v / yMax) * innerH;

  const times = [...new Set(all.map((p) => p.t))].sort((a, b) => a - b);
  function onPointerMove(event: PointerEvent<SVGSVGElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const t = from + ((event.clientX - box.left - margin.left) / Math.max(1, innerW)) * (to - from);
    let best: number | null = null;
    for (const candidate of times)
      if (best === null || Math.abs(candidate - t) < Math.abs(best - t)) best = candidate;
    setHover(best);
  }
  const hovered = hover === null ? [] : series.map((s) => ({ s, p: s.points.find((p) => p.t === hover) }));

  return (
    <figure className="space-y-2" data-testid={testId} data-points={all.length}>
      {series.length > 1 && (
        <figcaption className="flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400">
          {series.map((s) => (
            <span key={s.id} className="inline-flex items-center gap-1.5">
              <span className={cx('inline-block h-0.5 w-4 rounded', s.swatch)} />
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
      <div ref={ref} className="relative w-full" style={{ height }}>
        {!enough ? (
          <div className="flex h-full items-center justify-center rounded-md border border-dashed border-zinc-300 text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
            {emptyText}
          </div>
        ) : (
          width > 0 && (
            <svg
              width={width}
              height={height}
              role="img"
              aria-label={label}
              className="block touch-none overflow-visible select-none"
              onPointerMove={onPointerMove}
              onPointerLeave={() => setHover(null)}
            >
              {yTicks.map((v) => (
                <g key={v}>
                  <line
                    x1={margin.left}
                    x2={margin.left + innerW}
                    y1={y(v)}
                    y2={y(v)}
                    className={
                      v === 0
                        ? 'stroke-zinc-300 dark:stroke-zinc-700'
                        : 'stroke-zinc-100 dark:stroke-zinc-800'
                    }
                  />
                  <text
                    x={margin.left - 8}
                    y={y(v)}
                    dy="0.32em"
                    textAnchor="end"
                    className="fill-zinc-500 text-[11px] tabular-nums dark:fill-zinc-400"
                  >
                    {formatValue(v)}
                  </text>
                </g>
              ))}
              {timeTicks(from, to).map((t) => (
                <g key={t}>
                  <line
                    x1={x(t)}
                    x2={x(t)}
                    y1={margin.top + innerH}
                    y2={margin.top + innerH + 4}
                    className="stroke-zinc-300 dark:stroke-zinc-700"
                  />
                  <text
                    x={x(t)}
                    y={height - 6}
                    textAnchor="middle"
                    className="fill-zinc-500 text-[11px] tabular-nums dark:fill-zinc-400"
                  >
                    {clockTime(t)}
                  </text>
                </g>
              ))}
              {series[0] && series[0].points.length > 1 && (
                <path
                  d={`${linePath(series[0].points, x, y, Infinity)}L${x(series[0].points.at(-1)!.t)},${y(0)}L${x(series[0].points[0]!.t)},${y(0)}Z`}
                  className={cx(series[0].area ?? 'fill-transparent', 'opacity-10')}
                />
              )}
              {series.map((s) => (
                <path
                  key={s.id}
                  d={linePath(s.points, x, y, gapMs)}
                  fill="none"
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                  className={s.stroke}
                  data-series={s.id}
                />
              ))}
              {hover !== null && (
                <g>
                  <line
                    x1={x(hover)}
                    x2={x(hover)}
                    y1={margin.top}
                    y2={margin.top + innerH}
                    className="stroke-zinc-400 dark:stroke-zinc-500"
                    strokeDasharray="3 3"
                  />
                  {hovered.map(
                    ({ s, p }) =>
                      p && (
                        <circle
                          key={s.id}
                          cx={x(p.t)}
                          cy={y(p.v)}
                          r={3.5}
                          className={cx(s.stroke, 'fill-white dark:fill-zinc-900')}
                          strokeWidth={2}
                        />
                      ),
                  )}
                </g>
              )}
            </svg>
          )
        )}
        {hover !== null && enough && (
          <div
            role="status"
            className="pointer-events-none absolute top-1 rounded-md border border-zinc-200 bg-white/95 px-2 py-1 text-xs shadow-sm dark:border-zinc-700 dark:bg-zinc-900/95"
            style={x(hover) > width / 2 ? { right: width - x(hover) + 8 } : { left: x(hover) + 8 }}
            data-testid="chart-tooltip"
          >
            <div className="font-medium text-zinc-500 tabular-nums dark:text-zinc-400">
              {clockTime(hover)} {zoneOffset(hover)}
            </div>
            {hovered.map(({ s, p }) => (
              <div key={s.id} className="flex items-center gap-1.5 tabular-nums">
                <span className={cx('inline-block size-2 rounded-full', s.swatch)} />
                {series.length > 1 && <span className="text-zinc-500 dark:text-zinc-400">{s.label}</span>}
                <span className="font-semibold text-zinc-900 dark:text-zinc-100">
                  {p ? formatValue(p.v) : '—'}
                </span>
              </div>
            ))}
          </div>
        )}
      </div>
    </figure>
  );
}
