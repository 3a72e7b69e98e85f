import { execFile } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';
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

/** Writes one message per line with kcat, an outside producer, as live traffic the console did not send. */
function kcatProduce(lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic], { timeout: 30_000 }, (error) =>
      error ? reject(error) : resolve(),
    );
    child.stdin?.end(`${lines.join('\n')}\n`);
  });
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

test('a search refused for too many running streams says why, and costs no slot', async ({ page }) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto('mode=search');
  // Three tails of this user, held open from the page itself: the most one user may run at once.
  const tail = `${api}/topics/${topic}/tail`;
  await page.evaluate(async (url) => {
    const holds = Array.from({ length: 3 }, () => new AbortController());
    (window as unknown as { holds: AbortController[] }).holds = holds;
    const answers = await Promise.all(holds.map((h) => fetch(url, { signal: h.signal })));
    if (answers.some((a) => a.status !== 200)) throw new Error(`tails: ${answers.map((a) => a.status)}`);
  }, tail);

  await messages.search({ q: 'shipped' });
  await expect(messages.searchError).toContainText('Too many scans running');
  await expect(messages.searchError).toContainText('You have 3 searches and live tails running');
  await expect(messages.searchError.locator('[data-code]')).toHaveAttribute('data-code', 'too_many_requests');
  await expect(messages.searchDone).toBeHidden();
  await snap(page, 'search-too-many-streams');

  // Once one tail ends, the refused search left no slot behind: it runs.
  await page.evaluate(() => (window as unknown as { holds: AbortController[] }).holds[0]!.abort());
  await expect(async () => {
    await messages.search({ filter: 'json.n < 3 && json.status == "shipped"' });
    await expect(messages.searchDone).toHaveAttribute('data-reason', 'end', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(messages.rows).toHaveCount(3);
  await page.evaluate(() =>
    (window as unknown as { holds: AbortController[] }).holds.forEach((h) => h.abort()),
  );
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

test('a filter carried over from the search into the live tail is shown, counted apart, and can be cleared', async ({
  page,
}) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto();
  await messages.mode('search');
  await messages.search({ filter: 'json.status == "cancelled"' });
  await messages.mode('tail');

  // Before it starts, the tail says the search's filter will apply.
  const inForce = page.getByTestId('filter-in-force');
  await expect(inForce).toBeVisible();
  await expect(inForce).toHaveAttribute('data-filter', 'json.status == "cancelled"');
  await expect(inForce).toContainText('Will show only messages');
  await messages.startTail();
  await expect(inForce).toContainText('Showing only messages');

  // Traffic that does not match: read, counted, and said to match nothing, rather than "no messages arrived".
  await kcatProduce(Array.from({ length: 7 }, (_, i) => `{"n": ${i}, "status": "new"}`));
  await expect(messages.tailCount).toHaveAttribute('data-read', '7');
  await expect(messages.tailCount).toHaveAttribute('data-count', '0');
  await expect(messages.tailCount).toContainText('7 read · 0 matched');
  await expect(page.getByTestId('tail-empty')).toContainText('7 messages read, none matched the filter');
  await kcatProduce(['{"n": 7, "status": "cancelled"}']);
  await expect(messages.tailCount).toHaveAttribute('data-read', '8');
  await expect(messages.rows).toHaveCount(1);

  // The Stop button is in colour (not a grey look-alike of a disabled button).
  const stop = page.getByTestId('tail-stop-button');
  await expect(stop).toBeEnabled();
  const colour = await stop.evaluate((el) => getComputedStyle(el).color.match(/\d+/g)!.map(Number));
  expect(Math.max(...colour.slice(0, 3)) - Math.min(...colour.slice(0, 3))).toBeGreaterThan(60);
  await snap(page, 'search-tail-filtered');

  // Clearing restarts the tail on everything and drops the filter from the fields and the address.
  await page.getByTestId('filter-clear').click();
  await expect(inForce).toBeHidden();
  await expect(page.getByTestId('tail-filter')).toHaveValue('');
  await expect(page).not.toHaveURL(/filter=/);
  await expect(messages.tailStatus).toHaveAttribute('data-status', 'running');
  await expect(messages.tailStatus).toHaveAttribute('data-ready', 'true');
  await kcatProduce(['plain a', 'plain b', 'plain c']);
  await expect(messages.rows).toHaveCount(3);
  await expect(messages.tailCount).toHaveAttribute('data-read', '3');
  await expect(messages.tailCount).toContainText('3 read · 3 shown');
  await messages.stopTail();
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
