import { expect, type Locator, type Page } from '@playwright/test';

/** A lag chart with its controls: on a group's Lag tab, or the compare page. */
export class LagChart {
  readonly panel: Locator;
  readonly chart: Locator;
  readonly canvas: Locator;
  /** uPlot's overlay above the plotting area, where the cursor moves and drags. */
  readonly plotArea: Locator;
  readonly legendItems: Locator;
  readonly legendAt: Locator;
  readonly resetZoom: Locator;
  readonly zoomWindow: Locator;
  readonly metric: Locator;
  readonly seriesPicker: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('lag-chart-panel');
    this.chart = this.panel.getByTestId('lag-chart');
    this.canvas = this.chart.locator('.uplot canvas');
    this.plotArea = this.chart.locator('.uplot .u-over');
    this.legendItems = this.chart.getByTestId('lag-legend-item');
    this.legendAt = this.chart.getByTestId('lag-legend-at');
    this.resetZoom = this.panel.getByTestId('lag-reset-zoom');
    this.zoomWindow = this.panel.getByTestId('lag-zoom-window');
    this.metric = this.panel.getByTestId('lag-metric');
    this.seriesPicker = this.panel.getByTestId('lag-series-picker');
  }

  range(name: '15m' | '1h' | '6h' | '24h' | '7d' | '30d'): Locator {
    return this.panel.getByTestId(`lag-range-${name}`);
  }

  legendItem(spec: string): Locator {
    return this.chart.locator(`[data-testid="lag-legend-item"][data-series="${spec}"]`);
  }

  /** The number a series' legend entry shows, as its data attribute holds it. */
  async legendValue(spec: string): Promise<number> {
    return Number(await this.legendItem(spec).getByTestId('lag-legend-value').getAttribute('data-value'));
  }

  /** Waits until uPlot drew a canvas with at least `points` instants on it (samples come once a minute or more often). */
  async drawn(points = 2): Promise<void> {
    await expect(this.canvas.first()).toBeVisible();
    await expect
      .poll(async () => Number(await this.chart.getAttribute('data-points')), { timeout: 75_000 })
      .toBeGreaterThanOrEqual(points);
  }

  /** Drags across the plotting area between two fractions of its width. */
  async drag(fromFraction: number, toFraction: number): Promise<void> {
    const box = (await this.plotArea.boundingBox())!;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * fromFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * toFraction, y, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Moves the cursor over the plotting area at a fraction of its width. */
  async hover(fraction: number): Promise<void> {
    const box = (await this.plotArea.boundingBox())!;
    await this.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  }
}
