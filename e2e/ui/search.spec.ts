import { expect, test, type APIRequestContext } from '@playwright/test';
import { MessagesPage } from '../pages/messages-page';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const topic = `e2e-ui-search-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const shipped = 150;
const cancelled = 50;

async function produce(
  request: APIRequestContext,
  status: string,
  count: number,
  compression = 'none',
): Promise<void> {
  const response = await request.post(`${api}/topics/${topic}/messages`, {
    data: { value: `{"n": {{i}}, "status": "${status}"}`, valueFormat: 'json', count, compression },
  });
  expect(response.status()).toBe(200);
}

interface ExportLine {
  partition: number;
  offset: number;
  timestamp: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  compression: string;
}

test.beforeAll(async ({ request }) => {
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: 3, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  await produce(request, 'shipped', shipped);
  await produce(request, 'cancelled', cancelled, 'zstd');
});

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
});

test('search with a CEL filter finds exactly the matches, stops at the limit, and exports them', async ({
  page,
}) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto();
  await messages.mode('search');
  await expect(page).toHaveURL(/mode=search/);

  await messages.search({ filter: 'json.status == "cancelled"' });
  await expect(messages.searchDone).toHaveAttribute('data-reason', 'end');
  await expect(messages.searchProgress).toHaveAttribute('data-matched', String(cancelled));
  await expect(messages.searchProgress).toHaveAttribute('data-scanned', String(shipped + cancelled));
  await expect(messages.rows).toHaveCount(cancelled);
  await expect(messages.rows.first().getByTestId('message-value')).toContainText('"status":"cancelled"');
  await expect(page).toHaveURL(/filter=json\.status/);
  await snap(page, 'search-done');

  // Rows unfold like the browser's.
  await messages.rows.first().click();
  await expect(messages.detail.getByTestId('detail-value')).toContainText('"status": "cancelled"');

  // Export: one JSON line per match, decoded as shown.
  const jsonl = await messages.export('jsonl');
  expect(jsonl.name).toMatch(
    new RegExp(`^${topic}-search-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.jsonl$`),
  );
  const lines = jsonl.text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportLine);
  expect(lines).toHaveLength(cancelled);
  for (const line of lines) {
    expect(JSON.parse(line.value ?? 'null')).toMatchObject({ status: 'cancelled' });
    expect(line.key).toBeNull();
    expect(line.headers).toEqual({});
    expect(line.compression).toBe('zstd');
    expect(new Date(line.timestamp).toISOString()).toBe(line.timestamp);
  }
  expect(new Set(lines.map((l) => `${l.partition}:${l.offset}`)).size).toBe(cancelled);

  const csv = await messages.export('csv');
  expect(csv.name).toMatch(/\.csv$/);
  const records = csv.text.split('\r\n');
  expect(records[0]).toBe('partition,offset,timestamp,key,value,headers,compression,transaction');
  expect(records).toHaveLength(cancelled + 2);
  expect(records[1]).toMatch(/^\d+,\d+,[^,]+,,"\{""n"":\d+,""status"":""cancelled""\}",\{\},zstd,$/);

  // Text search together with a limit: the scan stops at the limit.
  await messages.search({ q: 'shipped', max: 20 });
  await expect(messages.searchDone).toHaveAttribute('data-reason', 'limit');
  await expect(messages.searchProgress).toHaveAttribute('data-matched', '20');
  await expect(messages.rows).toHaveCount(20);
  await expect(page).toHaveURL(/max=20/);
});

test('a bad CEL expression shows the error and no results', async ({ page }) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto('mode=search');
  await messages.search({ filter: 'json.status ==' });
  await expect(messages.searchError).toBeVisible();
  await expect(messages.searchError).toContainText(/filter/i);
  await expect(messages.searchDone).toBeHidden();
  await expect(messages.rows).toHaveCount(0);
  await snap(page, 'search-cel-error');

  // Fixing it runs again.
  await messages.search({ filter: 'json.n < 5 && json.status == "shipped"' });
  await expect(messages.searchError).toBeHidden();
  await expect(messages.searchDone).toHaveAttribute('data-reason', 'end');
  await expect(messages.rows).toHaveCount(5);
});

test('matches runs RE2 patterns: a backtracking trap is quick, lookaround is refused like other filter errors', async ({
  page,
  request,
}) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto('mode=search');
  await page.getByTestId('cel-help').locator('summary').click();
  await expect(page.getByTestId('cel-help-functions')).toContainText('RE2');

  await messages.search({ filter: 'json.status.matches("^canc.*d$")' });
  await expect(messages.searchDone).toHaveAttribute('data-reason', 'end');
  await expect(messages.rows).toHaveCount(cancelled);

  // Exponential for a backtracking engine; RE2 answers at once and the server stays free.
  const trap = `"${'a'.repeat(40)}!".matches("^(a+)+$") || json.status.matches("^(s+)+h$")`;
  const started = Date.now();
  await messages.search({ filter: trap });
  await expect(messages.searchDone).toHaveAttribute('data-reason', 'end');
  await expect(messages.searchProgress).toHaveAttribute('data-matched', '0');
  expect((await request.get('/api/health')).status()).toBe(200);
  expect(Date.now() - started).toBeLessThan(10_000);

  await messages.search({ filter: 'json.status.matches("^(?!shipped)")' });
  await expect(messages.searchError).toBeVisible();
  await expect(messages.searchError).toContainText('Invalid search');
  await expect(messages.searchError).toContainText('lookahead and lookbehind');
  await expect(messages.rows).toHaveCount(0);
});

test('live tail shows new messages newest first and counts them, then exports them', async ({
  page,
  request,
}) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto();
  await messages.mode('tail');
  await expect(messages.tailCount).toHaveAttribute('data-count', '0');
  await messages.startTail();

  const response = await request.post(`${api}/topics/${topic}/messages`, {
    data: { value: '{"n": {{i}}, "status": "live"}', valueFormat: 'json', count: 5, partition: 0 },
  });
  expect(response.status()).toBe(200);
  await expect(messages.tailCount).toHaveAttribute('data-count', '5');
  await expect(messages.rows).toHaveCount(5);
  // Newest on top: one partition, so offsets go down the table.
  const offsets = await messages.rows.evaluateAll((rows) =>
    rows.map((r) => Number(r.getAttribute('data-offset'))),
  );
  expect(offsets).toEqual([...offsets].sort((a, b) => b - a));
  await expect(messages.rows.first().getByTestId('message-value')).toContainText('"status":"live"');

  await request.post(`${api}/topics/${topic}/messages`, {
    data: { value: 'plain {{i}}', count: 3 },
  });
  await expect(messages.tailCount).toHaveAttribute('data-count', '8');
  await snap(page, 'search-tail');

  await messages.stopTail();
  const jsonl = await messages.export('jsonl');
  expect(jsonl.name).toMatch(new RegExp(`^${topic}-tail-.*\\.jsonl$`));
  expect(jsonl.text.trimEnd().split('\n')).toHaveLength(8);

  // Stopped means disconnected: what is produced now does not arrive.
  await request.post(`${api}/topics/${topic}/messages`, { data: { value: 'after stop' } });
  await page.waitForTimeout(1500);
  await expect(messages.tailCount).toHaveAttribute('data-count', '8');
});

test('browse results export too', async ({ page }) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto('start=oldest&partitions=0&limit=10');
  await expect(messages.rows).toHaveCount(10);
  const jsonl = await messages.export('jsonl');
  expect(jsonl.name).toMatch(new RegExp(`^${topic}-browse-.*\\.jsonl$`));
  const lines = jsonl.text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as ExportLine);
  expect(lines.map((l) => l.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(lines.every((l) => l.partition === 0)).toBe(true);
});
