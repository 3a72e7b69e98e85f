/** The number of distinct series colours (`--chart-1` … `--chart-12` in app/globals.css). */
export const SERIES_COLOURS = 12;

/** A series' colour as CSS, for what the DOM draws (legend swatches): it follows the theme by itself. */
export const seriesColourVar = (i: number) => `var(--chart-${(i % SERIES_COLOURS) + 1})`;

export interface ChartTheme {
  series: string[];
  /** The same colours, faint: the fill of min–max bands. */
  bands: string[];
  grid: string;
  tick: string;
  text: string;
  font: string;
}

/**
 * Any CSS colour as `rgba(…)` with `alpha`, as the browser itself resolves it (oklch, hex, a
 * variable), by painting one pixel: canvas styles take few of the forms CSS does.
 */
function rgba(ctx: CanvasRenderingContext2D, css: string, alpha = 1): string {
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 255] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${((a / 255) * alpha).toFixed(3)})`;
}

/** The chart colours of the theme now on <html> (app/globals.css), for canvas drawing. Browser only. */
export function readChartTheme(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const value = (name: string) => style.getPropertyValue(name).trim();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const series = Array.from({ length: SERIES_COLOURS }, (_, i) => value(`--chart-${i + 1}`));
  return {
    series: series.map((css) => rgba(ctx, css)),
    bands: series.map((css) => rgba(ctx, css, 0.14)),
    grid: rgba(ctx, value('--chart-grid')),
    tick: rgba(ctx, value('--chart-tick')),
    text: rgba(ctx, value('--chart-text')),
    font: `11px ${getComputedStyle(document.body).fontFamily}`,
  };
}
