import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { BOOTSTRAP, kafkaCli } from '../../dev/kafka/local-cluster';
import { signedIn } from '../support/auth';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const bootstrap = BOOTSTRAP.split(',')[0]!;
const topic = `e2e-reassign-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Kafka's own view of the topic's replicas and leaders. */
async function describeTopic() {
  const out = await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--topic',
    topic,
  ]);
  return [...out.matchAll(/Partition: (\d+)\s+Leader: (-?\d+|none)\s+Replicas: ([\d,]+)/g)].map((m) => ({
    leader: m[2] === 'none' ? null : Number(m[2]),
    replicas: m[3]!.split(',').map(Number),
  }));
}

async function inProgress(request: APIRequestContext): Promise<number> {
  const body = (await (await request.get(`${api}/reassignments`)).json()) as {
    inProgress: { topic: string }[];
  };
  return body.inProgress.filter((p) => p.topic === topic).length;
}

async function widths(page: Page, name: string) {
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

const slow = `${topic}-slow`;
const left = `${topic}-left`;

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
  await request.delete(`${api}/topics/${slow}`);
  await request.delete(`${api}/topics/${left}`);
});

async function configs(type: 'brokers' | 'topics', name: string) {
  return kafkaCli('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    type,
    '--entity-name',
    name,
  ]);
}

test('a throttled move shows its progress and is cancelled from the page, its throttles removed', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: slow, partitions: 1, replicationFactor: 1 },
  });
  expect(created.status(), await created.text()).toBe(200);
  // A few MB of incompressible records, written by kcat: at 20 kB/s the copy outlasts the test.
  const line = execFileSync('openssl', ['rand', '-hex', '512']).toString().trim();
  const input = Array.from({ length: 3000 }, (_, i) => `${i}${line}`).join('\n') + '\n';
  execFileSync('kcat', ['-b', bootstrap, '-t', slow, '-p', '0', '-P', '-z', 'none'], {
    input,
    maxBuffer: 1 << 28,
  });
  const from = (
    await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe', '--topic', slow])
  ).match(/Replicas: (\d+)/)![1]!;
  const to = from === '1' ? '2' : '1';

  await page.goto('/clusters/local/reassignments');
  await page.getByTestId('plan-kind').selectOption('move');
  await page.getByTestId('plan-topic').fill(slow);
  await page.getByTestId('plan-moves').fill(`0: ${to}`);
  await page.getByTestId('preview-plan-button').click();
  const preview = page.getByTestId('plan-preview');
  await expect(preview.getByTestId('plan-move-row')).toHaveCount(1);
  await expect(preview.getByTestId('plan-move-row')).toContainText(/MiB/);
  await page.getByTestId('apply-plan-button').click();
  await page.getByTestId('plan-throttle').fill('20000');
  await page.getByTestId('apply-confirm-button').click();

  const row = page.getByTestId('reassignment-row').filter({ hasText: `${slow}-0` });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText(/of \d/);
  await expect(page.getByTestId('throttles-kept')).toContainText(slow);
  expect(await configs('brokers', to)).toMatch(/follower\.replication\.throttled\.rate=20000/);
  await widths(page, 'reassign-in-progress');

  await row.getByTestId('cancel-reassignment-button').click();
  await expect(row).toHaveCount(0, { timeout: 15_000 });
  expect(
    await kafkaCli('kafka-reassign-partitions', ['--bootstrap-server', bootstrap, '--list']),
  ).not.toContain(`${slow}-0`);
  await expect
    .poll(async () => configs('topics', slow), { timeout: 15_000 })
    .not.toMatch(/throttled\.replicas/);
  expect(await configs('brokers', to)).not.toMatch(/throttled\.rate/);
  expect(await configs('brokers', from)).not.toMatch(/throttled\.rate/);
  // The console removed them, and its audit line says so: what it removed, made by the console.
  const cleared = () =>
    execFileSync('kcat', ['-C', '-b', bootstrap, '-t', 'kafkascope-e2e-audit', '-o', '-300', '-e', '-q'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((l) => l.includes('partition.reassign.throttle.clear') && l.includes(slow))
      .map((l) => JSON.parse(l));
  await expect.poll(() => cleared().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
  expect(cleared()[0]).toMatchObject({
    user: 'kafkascope',
    result: 'ok',
    change: { before: { topics: { [slow]: { leader: [`0:${from}`], follower: [`0:${to}`] } } }, after: null },
  });
});

test('throttled replicas left on a topic that does not move are named, previewed and removed from the page', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: left, partitions: 2, replicationFactor: 1 },
  });
  expect(created.status(), await created.text()).toBe(200);
  // As a console that restarted mid-way leaves them, or another tool: set with Kafka's own CLI.
  await kafkaCli('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--alter',
    '--entity-type',
    'topics',
    '--entity-name',
    left,
    '--add-config',
    'leader.replication.throttled.replicas=[0:1,1:2],follower.replication.throttled.replicas=[1:3]',
  ]);

  await page.goto('/clusters/local/reassignments');
  // The check runs at most every 30 s per process.
  await expect(page.getByTestId('stale-throttles')).toContainText(left, { timeout: 45_000 });
  await page.getByTestId('clear-throttles-button').click();
  const dialog = page.getByTestId('stale-throttles-dialog');
  const rows = dialog.locator(`[data-testid="stale-throttle-row"][data-topic="${left}"]`);
  await expect(rows).toHaveCount(2);
  await expect(
    rows.filter({ hasText: 'leader.replication.throttled.replicas' }).getByTestId('stale-throttle-now'),
  ).toHaveText('0:1,1:2');
  await expect(
    rows.filter({ hasText: 'follower.replication.throttled.replicas' }).getByTestId('stale-throttle-now'),
  ).toHaveText('1:3');
  // The preview changed nothing.
  expect(await configs('topics', left)).toMatch(/leader\.replication\.throttled\.replicas=0:1,1:2/);
  await widths(page, 'reassign-stale-throttles');
  await dialog.getByTestId('stale-throttles-apply').click();
  await expect(dialog).toBeHidden();
  expect(await configs('topics', left)).not.toMatch(/throttled\.replicas/);
  await expect(page.getByTestId('stale-throttles').filter({ hasText: left })).toHaveCount(0, {
    timeout: 15_000,
  });
});

test('a replication factor change is planned, previewed, applied and completes; a preferred election runs', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: 3, replicationFactor: 1 },
  });
  expect(created.status(), await created.text()).toBe(200);

  await page.goto('/clusters/local/reassignments');
  await expect(page.getByTestId('reassignments-page')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reassignments' })).toBeVisible();

  // Client-side validation with the API's schema: a factor of 0 is refused before any request.
  await page.getByTestId('plan-topic').fill(topic);
  await page.getByTestId('plan-factor').fill('0');
  await page.getByTestId('preview-plan-button').click();
  await expect(page.getByTestId('plan-builder').getByTestId('field-error')).toContainText('at least 1');

  // The server's refusal, shown as it says it.
  await page.getByTestId('plan-factor').fill('9');
  await page.getByTestId('preview-plan-button').click();
  await expect(page.getByTestId('plan-error')).toContainText('larger than the 3 broker(s)');

  await page.getByTestId('plan-factor').fill('2');
  await page.getByTestId('preview-plan-button').click();
  const preview = page.getByTestId('plan-preview');
  await expect(preview).toContainText('3 partitions to move');
  await expect(preview.getByTestId('plan-move-row')).toHaveCount(3);
  await expect(preview.getByTestId('plan-balance-row').first()).toBeVisible();
  await widths(page, 'reassign-preview');
  // Nothing changed yet.
  expect((await describeTopic()).every((p) => p.replicas.length === 1)).toBe(true);

  const planned = await preview.getByTestId('plan-move-row').allInnerTexts();
  await page.getByTestId('apply-plan-button').click();
  const dialog = page.getByTestId('apply-plan-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('plan-throttle').fill('50000000');
  await dialog.getByTestId('apply-confirm-button').click();
  await expect(page.getByTestId('reassign-notice')).toContainText('Reassignment of 3 partitions started');

  await expect.poll(() => inProgress(request), { timeout: 60_000 }).toBe(0);
  await expect
    .poll(async () => (await describeTopic()).map((p) => p.replicas.length), { timeout: 30_000 })
    .toEqual([2, 2, 2]);
  // What Kafka shows is the plan that was previewed.
  const after = await describeTopic();
  planned.forEach((row, i) => expect(row.replace(/\s+/g, ' ')).toContain(after[i]!.replicas.join(', ')));
  await expect(page.getByTestId('no-reassignments')).toBeVisible();
  // Its throttles are gone once it completed.
  const topicConfigs = await kafkaCli('kafka-configs', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--entity-type',
    'topics',
    '--entity-name',
    topic,
  ]);
  expect(topicConfigs).not.toContain('throttled.replicas');

  // Draining a broker for this topic only: the preview moves every replica it holds, and nothing else.
  const holder = after[0]!.replicas[0]!;
  await page.getByTestId('plan-kind').selectOption('drain');
  await page.getByTestId('plan-broker').selectOption(String(holder));
  await page.getByTestId('plan-topics').fill(topic);
  await page.getByTestId('preview-plan-button').click();
  const holding = after.filter((p) => p.replicas.includes(holder)).length;
  await expect(page.getByTestId('plan-move-row')).toHaveCount(holding);
  for (const row of await page.getByTestId('plan-move-row').all()) {
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[2]!.split(', ').map(Number)).not.toContain(holder);
  }
  // The drained broker's replica count drops by what it held of this topic.
  const balance = page.getByTestId('plan-balance-row').filter({
    has: page.locator('td:first-child', { hasText: new RegExp(`^${holder}$`) }),
  });
  const [before, afterDrain] = (await balance.locator('td').nth(1).innerText()).split(' → ').map(Number);
  expect(before! - afterDrain!).toBe(holding);

  // A preferred election from the topic page: the preview, then per-partition results.
  await page.goto(`/clusters/local/topics/${topic}`);
  await page.getByTestId('elect-leaders-button').click();
  const elect = page.getByTestId('elect-leaders-dialog');
  await expect(elect.getByTestId('election-preview')).toContainText('not led by their preferred replica');
  // The election is about the partitions the preview shows, and no others.
  const shown = await elect.getByTestId('election-candidate').count();
  await elect.getByTestId('elect-confirm-button').click();
  await expect(elect.getByTestId('election-result-row')).toHaveCount(shown);
  await expect(elect.getByTestId('election-results')).toContainText(/elected|not needed/);
  await widths(page, 'reassign-election');
  const leaders = await describeTopic();
  for (const p of leaders) expect(p.leader).toBe(p.replicas[0]);

  // The unclean election asks for its typed confirmation and says why.
  await elect.getByTestId('election-type').selectOption('unclean');
  await expect(elect.getByTestId('unclean-warning')).toContainText('records it had not copied are lost');
  await expect(elect.getByTestId('elect-confirm-button')).toBeDisabled();
});

test('an operator may neither plan, apply nor elect; the read-only cluster refuses a reassignment', async ({
  request,
  baseURL,
}) => {
  const operator = await signedIn(baseURL!, 'operator');
  for (const [path, data] of [
    ['reassignments/plan', { kind: 'rebalance' }],
    ['reassignments', { moves: [{ topic: 'x', partition: 0, replicas: [1] }], throttleBytesPerSec: null }],
    ['elections', { scope: { kind: 'cluster' }, type: 'preferred', dryRun: true }],
  ] as const) {
    const refused = await operator.post(`${api}/${path}`, { data });
    expect(refused.status(), path).toBe(403);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error.message).toMatch(
      /admin/,
    );
  }
  await operator.dispose();

  const response = await request.post('/api/clusters/local-ro/reassignments', {
    data: { moves: [{ topic: 'x', partition: 0, replicas: [1] }], throttleBytesPerSec: null },
  });
  expect(response.status()).toBe(403);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('read_only');
});
