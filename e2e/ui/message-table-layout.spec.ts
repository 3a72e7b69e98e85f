import { execFile } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';
import { MessagesPage } from '../pages/messages-page';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const topic = `e2e-ui-wide-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Long keys and long JSON values, as real topics have them, written by kcat with gzip and a header. */
function kcatProduceLong(count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => {
    const value = {
      id: `order-${i}`,
      customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
      items: Array.from({ length: 8 }, (_, j) => ({ sku: `SKU-${i}-${j}`, qty: j + 1 })),
    };
    return `3f2b8c1e-9d4a-4e7b-8c2d-${String(i).padStart(12, '0')}|${JSON.stringify(value)}`;
  });
  return new Promise((resolve, reject) => {
    const child = execFile(
      'kcat',
      ['-b', BOOTSTRAP, '-P', '-t', topic, '-K', '|', '-z', 'gzip', '-H', 'trace=abc'],
      { timeout: 30_000 },
      (error) => (error ? reject(error) : resolve()),
    );
    child.stdin?.end(`${lines.join('\n')}\n`);
  });
}

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
});

test('the value column gets the room at laptop and desktop widths, and no header runs into another', async ({
  page,
  request,
}) => {
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: 1, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  await kcatProduceLong(12);
  const messages = new MessagesPage(page, topic);
  await messages.goto();
  await expect(messages.rows).toHaveCount(12);

  for (const width of [1024, 1280, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    const table = page.getByTestId('message-table');
    await expect(table).toBeVisible();
    const columns = await table.locator('thead th').evaluateAll((ths) =>
      ths
        // Folded columns are display: none and have no box; a column squeezed to nothing still counts.
        .filter((th) => th.getClientRects().length > 0)
        .map((th) => {
          const box = th.getBoundingClientRect();
          return {
            name: th.textContent?.trim() ?? '',
            left: box.left,
            right: box.right,
            clipped: th.scrollWidth > th.clientWidth,
          };
        }),
    );
    const tableWidth = (await table.boundingBox())!.width;
    const value = columns.find((c) => c.name === 'Value')!;
    const valueWidth = value.right - value.left;
    // The value is the widest column, and at least a third of the table, at every width.
    for (const c of columns)
      if (c !== value) expect.soft(c.right - c.left, `${width}px: ${c.name}`).toBeLessThan(valueWidth);
    expect.soft(valueWidth / tableWidth, `${width}px: value share`).toBeGreaterThan(0.35);
    // Headers sit side by side, none cut off or running into the next.
    for (const [i, c] of columns.entries()) {
      expect.soft(c.clipped, `${width}px: ${c.name} clipped`).toBe(false);
      if (i > 0)
        expect
          .soft(c.left, `${width}px: ${c.name} overlaps`)
          .toBeGreaterThanOrEqual(columns[i - 1]!.right - 0.5);
    }
    // A timestamp shows whole, to the millisecond, however narrow the table.
    const stamp = messages.rows.first().getByTestId('message-timestamp');
    expect(await stamp.evaluate((el) => el.parentElement!.scrollWidth <= el.parentElement!.clientWidth)).toBe(
      true,
    );
    await expect(stamp).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    // The value column shows the JSON itself, not just its first characters.
    await expect(messages.rows.first().getByTestId('message-value')).toContainText('"customer"');
    await snap(page, `messages-table-${width}`);
  }
  // One time format: a 24-hour clock beside the 24-hour timestamps (en-US would write 08:54:47 PM), zone on hover.
  await expect(page.getByTestId('refresh-status')).toHaveText(/^Updated \d\d:\d\d:\d\d · every/);
  const stamp = messages.rows.first().getByTestId('message-timestamp');
  await expect(stamp).toHaveAttribute('title', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC.*\n\d{4}-.*Z$/);
  await page.setViewportSize({ width: 1024, height: 900 });
  await messages.rows.first().click();
  await expect(messages.detail.getByTestId('detail-compression')).toHaveText('gzip compressed');
  await expect(messages.detail.getByTestId('message-header')).toHaveAttribute('data-key', 'trace');
  // The unfolded message spans the columns on screen only: the value column keeps its room beside it.
  const valueHeader = page.getByTestId('message-table').locator('thead th', { hasText: 'Value' });
  const tableBox = (await page.getByTestId('message-table').boundingBox())!;
  expect((await valueHeader.boundingBox())!.width / tableBox.width).toBeGreaterThan(0.35);
  await snap(page, 'messages-table-1024-expanded');
});
