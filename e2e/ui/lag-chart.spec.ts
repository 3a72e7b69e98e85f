import { expect, test, type Page } from '@playwright/test';
import { GroupPage } from '../pages/group-page';
import { LagChart } from '../pages/lag-chart';
import { produceEvenly, testKafka } from '../support/kafka';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const topic = `e2e-lag-topic-${id}`;
const other = `e2e-lag-topic-b-${id}`;
const groupId = `e2e-lag-group-${id}`;
const otherGroup = `e2e-lag-group-b-${id}`;
const partitions = 3;
const kafka = testKafka('kafkascope-e2e-lag-chart');

/**
 * Groups without members whose offsets are set by hand, so that their lag stays put while the
 * console samples it: 3 partitions of 10 records, committed at 4 (lag 18); the other group reads
 * two topics (lag 18 + 30).
 */
test.beforeAll(async ({ request }) => {
  for (const name of [topic, other]) {
    const created = await request.post(`${api}/topics`, { data: { name, partitions, replicationFactor: 1 } });
    expect(created.status()).toBe(200);
  }
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  await produceEvenly(producer, topic, partitions, 10);
  await produceEvenly(producer, other, partitions, 10);
  const at = (offset: string) =>
    Array.from({ length: partitions }, (_, partition) => ({ partition, offset }));
  await admin.setOffsets({ groupId, topic, partitions: at('4') });
  await admin.setOffsets({ groupId: otherGroup, topic, partitions: at('4') });
  await admin.setOffsets({ groupId: otherGroup, topic: other, partitions: at('0') });
  await Promise.all([producer.disconnect(), admin.disconnect()]);
});

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/groups/${groupId}`);
  await request.delete(`${api}/groups/${otherGroup}`);
  await request.delete(`${api}/topics/${topic}`);
  await request.delete(`${api}/topics/${other}`);
});

async function snapWidths(page: Page, name: string) {
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    // The chart follows its container's new width on the next frame.
    await page.waitForTimeout(300);
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('a group’s lag chart draws from the store, switches ranges, zooms by dragging and compares groups', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const group = new GroupPage(page, groupId);
  const chart = new LagChart(page);
  const total = `::${groupId}`;

  await group.goto('lag');
  await expect(group.totalLag).toHaveText('18', { timeout: 30_000 });
  // The page marks the group as shown: it is sampled every 5 s (later on a busy cluster, whose
  // every group is sampled each minute in the same rounds), and the chart polls as often.
  await chart.drawn(1);
  await expect(chart.legendItem(total)).toContainText('Group total');
  await expect.poll(() => chart.legendValue(total), { timeout: 30_000 }).toBe(18);
  await expect(chart.legendAt).toHaveText('Latest');
  expect(Number(await group.totalLag.getAttribute('data-value'))).toBe(await chart.legendValue(total));

  // Hovering shows the values at an instant; leaving shows the latest again.
  await chart.hover(0.995);
  await expect(chart.legendAt).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await expect(chart.legendItem(total).getByTestId('lag-legend-value')).toHaveText('18');
  await page.mouse.move(5, 5);
  await expect(chart.legendAt).toHaveText('Latest');

  // Ranges go into the address, the default (1 h) stays out of it.
  await chart.range('24h').click();
  await expect(page).toHaveURL(/[?&]range=24h/);
  await expect(chart.range('24h')).toHaveAttribute('aria-checked', 'true');
  await chart.drawn(1);
  await chart.range('15m').click();
  await expect(page).toHaveURL(/[?&]range=15m/);
  // Two points, 5 s apart at least: the drag below ends a second short of the window's end, where
  // the only point of a group whose page just opened can be.
  await chart.drawn(2);

  // A drag over the last quarter of the quarter of an hour (where the samples are) zooms into it.
  await chart.drag(0.75, 0.999);
  await expect(page).toHaveURL(/[?&]from=\d+/);
  await expect(page).toHaveURL(/[?&]to=\d+/);
  const url = new URL(page.url());
  const span = Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
  expect(span).toBeGreaterThan(150_000);
  expect(span).toBeLessThan(300_000);
  await expect(chart.zoomWindow).toBeVisible();
  await expect(chart.range('15m')).toHaveAttribute('aria-checked', 'false');
  await chart.drawn(1);
  await expect.poll(() => chart.legendValue(total)).toBe(18);
  await snap(page, 'lag-chart-zoomed');

  // The zoomed address shows the same chart on its own.
  await page.goto(page.url());
  await chart.drawn(1);
  await expect(chart.zoomWindow).toBeVisible();
  await chart.resetZoom.click();
  await expect(page).not.toHaveURL(/[?&](from|to)=/);
  await expect(page).toHaveURL(/[?&]range=15m/);
  await expect(chart.range('15m')).toHaveAttribute('aria-checked', 'true');

  // The topic and a partition beside the total, each with its own legend entry.
  await chart.seriesPicker.locator('summary').click();
  // Ticking writes the address; on a loaded machine a poll may redraw the list under the first click.
  const topicOption = chart.seriesPicker.locator(`[data-testid="lag-series-option"][data-token="${topic}"]`);
  await expect(async () => {
    if (!(await topicOption.isChecked())) await topicOption.check({ timeout: 5_000 });
    await expect(page).toHaveURL(new RegExp(`[?&]series=\\*%2C${topic}(&|$)`), { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await chart.seriesPicker.locator(`[data-testid="lag-partition-option"][data-token="${topic}:1"]`).click();
  await expect(page).toHaveURL(new RegExp(`[?&]series=\\*%2C${topic}%2C${topic}%3A1`));
  await chart.seriesPicker.locator('summary').click();
  await expect(chart.legendItems).toHaveCount(3);
  await expect(chart.legendItem(`${topic}:1:${groupId}`)).toContainText(`${topic} [1]`);
  await expect.poll(() => chart.legendValue(`${topic}::${groupId}`), { timeout: 75_000 }).toBe(18);
  await expect.poll(() => chart.legendValue(`${topic}:1:${groupId}`), { timeout: 75_000 }).toBe(6);

  // Consume rate: nothing is consumed, so the rate is 0 once two points are apart.
  await chart.metric.selectOption('consume');
  await expect(page).toHaveURL(/[?&]metric=consume/);
  await expect(chart.chart).toHaveAttribute('data-metric', 'consume');
  await expect.poll(() => chart.legendValue(total), { timeout: 75_000 }).toBe(0);
  await chart.metric.selectOption('lag');
  await expect(page).not.toHaveURL(/metric=/);

  // Zoomed to where the samples are, at three widths and in the dark palette.
  await chart.drag(0.85, 0.999);
  await expect(page).toHaveURL(/[?&]from=\d+/);
  await chart.drawn(1);
  await snapWidths(page, 'lag-chart');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await chart.drawn(1);
  await page.waitForTimeout(300);
  await snap(page, 'lag-chart-dark-1440');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await chart.resetZoom.click();
  await expect(page).not.toHaveURL(/[?&](from|to)=/);

  // The compare page starts from this chart, with the group's name on each series.
  await page.getByTestId('lag-compare-link').click();
  await expect(page).toHaveURL(/\/clusters\/local\/lag\?series=/);
  await expect(page).toHaveURL(/[?&]range=15m/);
  await expect(page.getByTestId('lag-chosen-series')).toHaveCount(3);
  await chart.drawn(1);
  await expect(chart.legendItem(total)).toContainText(groupId);
  await expect(chart.legendItem(`${topic}:1:${groupId}`)).toContainText(groupId);
  await expect(chart.legendItem(`${topic}:1:${groupId}`)).toContainText(`${topic} [1]`);

  // Another group found by a search, added whole and by one of its topics.
  await page.getByTestId('lag-chosen-series').nth(1).getByRole('button').click();
  await page.getByTestId('lag-group-search').fill(otherGroup);
  const row = page.locator(`[data-testid="lag-group-result"][data-group="${otherGroup}"]`);
  await expect(row).toBeVisible();
  await row.getByTestId('lag-add-group').click();
  await row.getByTestId('lag-add-topic').filter({ hasText: other }).click();
  await expect(page.getByTestId('lag-chosen-series')).toHaveCount(4);
  await expect(chart.legendItems).toHaveCount(4);
  await expect.poll(() => chart.legendValue(`::${otherGroup}`), { timeout: 75_000 }).toBe(48);
  await expect.poll(() => chart.legendValue(`${other}::${otherGroup}`), { timeout: 75_000 }).toBe(30);
  await chart.drawn(1);
  await snapWidths(page, 'lag-compare-15m');
  await chart.drag(0.85, 0.999);
  await expect(page).toHaveURL(/[?&]from=\d+.*&to=\d+/);
  await chart.drawn(1);
  await snapWidths(page, 'lag-compare');
  await chart.resetZoom.click();
  await expect(page).not.toHaveURL(/[?&](from|to)=/);
  await chart.range('1h').click();
  await expect(page).not.toHaveURL(/range=/);
});

test('the compare page without series asks for one, and names bad addresses nothing', async ({ page }) => {
  await page.goto('/clusters/local/lag?series=nonsense&range=2y&from=5');
  await expect(page.getByTestId('lag-compare-empty')).toBeVisible();
  await expect(page.getByTestId('nav-lag')).toHaveAttribute('aria-current', 'page');
  await page.goto('/clusters/local/groups');
  await page.getByTestId('compare-lag-link').click();
  await expect(page).toHaveURL(/\/clusters\/local\/lag$/);
  await expect(page.getByTestId('lag-compare-empty')).toBeVisible();
});

test('a lag history store that is down shows the error in the chart’s place, not a spinner', async ({
  page,
}) => {
  await page.route('**/api/clusters/local/lag-history?**', (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'store_unavailable', message: 'The lag history store is not available: disk full' },
      }),
    }),
  );
  await page.goto(`/clusters/local/groups/${encodeURIComponent(groupId)}?tab=lag&range=24h`);
  const panel = new LagChart(page).panel;
  await expect(panel.getByTestId('error-panel')).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('error-message')).toContainText('disk full');
  await expect(panel.getByTestId('lag-chart-loading')).toHaveCount(0);
  await expect(panel.getByTestId('lag-range-24h')).toHaveAttribute('aria-checked', 'true');
  await snap(page, 'lag-chart-store-down');
});
