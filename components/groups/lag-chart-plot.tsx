import { cx } from '@/components/ui/cx';
import { areaPath, chartMargin, linePath, type ChartPoint, type ChartScales } from '@/lib/chart/geometry';
import { clockTime } from '@/lib/format/time';

export interface ChartSeries {
  id: string;
  label: string;
  /** Tailwind classes for the line (`stroke-…`) and its legend swatch and dots (`bg-…`, `fill-…`). */
  stroke: string;
  swatch: string;
  /** A `fill-…` class: the first series with one gets a soft area under its line. */
  area?: string;
  points: ChartPoint[];
}

const tickLabel = 'fill-zinc-500 text-[11px] tabular-nums dark:fill-zinc-400';

/** Value gridlines with their labels at the left, clock times along the bottom. */
function Axes({
  scales,
  height,
  formatValue,
}: {
  scales: ChartScales;
  height: number;
  formatValue: (v: number) => string;
}) {
  const { x, y, innerW, innerH } = scales;
  return (
    <>
      {scales.yTicks.map((v) => (
        <g key={v}>
          <line
            x1={chartMargin.left}
            x2={chartMargin.left + innerW}
            y1={y(v)}
            y2={y(v)}
            className={
              v === 0 ? 'stroke-zinc-300 dark:stroke-zinc-700' : 'stroke-zinc-100 dark:stroke-zinc-800'
            }
          />
          <text x={chartMargin.left - 8} y={y(v)} dy="0.32em" textAnchor="end" className={tickLabel}>
            {formatValue(v)}
          </text>
        </g>
      ))}
      {scales.xTicks.map((t) => (
        <g key={t}>
          <line
            x1={x(t)}
            x2={x(t)}
            y1={chartMargin.top + innerH}
            y2={chartMargin.top + innerH + 4}
            className="stroke-zinc-300 dark:stroke-zinc-700"
          />
          <text x={x(t)} y={height - 6} textAnchor="middle" className={tickLabel}>
            {clockTime(t)}
          </text>
        </g>
      ))}
    </>
  );
}

/** The dashed line at the hovered instant and a dot on each series' sample there. */
function HoverMarker({
  scales,
  series,
  hover,
}: {
  scales: ChartScales;
  series: ChartSeries[];
  hover: number;
}) {
  const { x, y, innerH } = scales;
  return (
    <g>
      <line
        x1={x(hover)}
        x2={x(hover)}
        y1={chartMargin.top}
        y2={chartMargin.top + innerH}
        className="stroke-zinc-400 dark:stroke-zinc-500"
        strokeDasharray="3 3"
      />
      {series.map((s) => {
        const p = s.points.find((point) => point.t === hover);
        return (
          p && (
            <circle
              key={s.id}
              cx={x(p.t)}
              cy={y(p.v)}
              r={3.5}
              className={cx(s.stroke, 'fill-white dark:fill-zinc-900')}
              strokeWidth={2}
            />
          )
        );
      })}
    </g>
  );
}

/** The chart's SVG: axes, the first series' soft area, one line per series, and the hover marker. */
export function LagChartPlot({
  scales,
  series,
  width,
  height,
  gapMs,
  label,
  formatValue,
  hover,
  onHover,
}: {
  scales: ChartScales;
  series: ChartSeries[];
  width: number;
  height: number;
  gapMs: number;
  label: string;
  formatValue: (v: number) => string;
  hover: number | null;
  /** Called with the pointer's distance from the chart's left edge, or null when it leaves. */
  onHover: (px: number | null) => void;
}) {
  const first = series[0];
  const area = first && areaPath(first.points, scales);
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={label}
      className="block touch-none overflow-visible select-none"
      onPointerMove={(event) => onHover(event.clientX - event.currentTarget.getBoundingClientRect().left)}
      onPointerLeave={() => onHover(null)}
    >
      <Axes scales={scales} height={height} formatValue={formatValue} />
      {area && <path d={area} className={cx(first.area ?? 'fill-transparent', 'opacity-10')} />}
      {series.map((s) => (
        <path
          key={s.id}
          d={linePath(s.points, scales, gapMs)}
          fill="none"
          strokeWidth={2}
          strokeLinejoin="round"
          strokeLinecap="round"
          className={s.stroke}
          data-series={s.id}
        />
      ))}
      {hover !== null && <HoverMarker scales={scales} series={series} hover={hover} />}
    </svg>
  );
}
