import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  CONNECT_FILES_DIR,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
} from '../../dev/connect/local-connect';
import { BOOTSTRAP, kafkaCli } from '../../dev/kafka/local-cluster';
import { signedIn } from '../support/auth';
import { snap } from '../support/screenshot';

/**
 * Kafka Connect beyond its own pages, against the local two-worker group: a connector whose task
 * fails at start is at the top of the cluster overview and in its health; a Connect cluster that
 * does not answer is down there with its reason; a stopped sink's offset is edited, previewed and
 * written from its page. Each step is checked against the worker's own REST answers and Kafka's tools.
 */
const run = `e2e-connect-ov-${Date.now().toString(36)}`;
const dir = path.join(CONNECT_FILES_DIR, run);
const broken = `${run}-broken`;
const sink = `${run}-sink`;
const topic = `${run}-in`;
const output = path.join(dir, 'out.txt');
const records = ['r0', 'r1', 'r2', 'r3', 'r4'];

interface WorkerStatus {
  connector: { state: string };
  tasks: { id: number; state: string; trace?: string }[];
}
const status = (name: string) => connectRequest<WorkerStatus>('GET', `/connectors/${name}/status`);
const workerOffsets = (name: string) =>
  connectRequest<{ offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> }[] }>(
    'GET',
    `/connectors/${name}/offsets`,
  );
const fileLines = () => (existsSync(output) ? readFileSync(output, 'utf8').split('\n').filter(Boolean) : []);

async function snapWidths(page: Page, shot: string) {
  for (const width of [1024, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, `${shot}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.beforeAll(async () => {
  await ensureConnect();
  mkdirSync(dir, { recursive: true });
});

test.afterAll(async () => {
  for (const name of [broken, sink]) await deleteConnectorIfExists(name);
  await kafkaCli('kafka-topics', ['--bootstrap-server', BOOTSTRAP, '--delete', '--topic', topic]).catch(
    () => undefined,
  );
  rmSync(dir, { recursive: true, force: true });
});

test('a failed task is at the top of the overview and in its health; a Connect cluster down is named with its reason', async ({
  page,
}) => {
  await connectRequest('POST', '/connectors', {
    name: broken,
    config: {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: path.join(dir, 'missing', 'out.txt'),
      topics: `${run}-none`,
    },
  });
  // Right after the create, the worker may have no status yet (404).
  await expect
    .poll(async () => (await status(broken).catch(() => null))?.tasks[0]?.state, { timeout: 30_000 })
    .toBe('FAILED');
  const firstLine = (await status(broken)).tasks[0]!.trace!.split('\n')[0]!.trim();

  await page.goto('/clusters/local');
  const row = page.locator(`[data-testid="failed-connector"][data-connector="${broken}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId('failed-task-ids')).toHaveText('task 0 of 1');
  // The whole first line on hover, shown without the exception's package.
  await expect(row.getByTestId('failed-reason')).toHaveAttribute('title', firstLine);
  await expect(row.getByTestId('failed-reason')).toHaveText(firstLine.replace(/^[\w.$]+\.(?=[A-Z])/, ''));
  await expect(row).toContainText('local-connect');
  const health = page.getByTestId('cluster-health');
  await expect(health).toHaveAttribute('data-status', 'degraded');
  await expect(health).toHaveAttribute('data-kafka-status', 'healthy');
  await expect(health.getByTestId('cluster-problems')).toContainText(
    'on Kafka Connect cluster local-connect',
  );
  // At the top: above the figures and the brokers.
  const failuresTop = (await page.getByTestId('connect-failures').boundingBox())!.y;
  const statsTop = (await page.getByTestId('stat-brokers-online').boundingBox())!.y;
  expect(failuresTop).toBeLessThan(statsTop);
  await snapWidths(page, 'overview-connect-failed');

  await row.getByTestId('failed-connector-link').click();
  await expect(page).toHaveURL(new RegExp(`/clusters/local/connect/local-connect/${broken}$`));
  await expect(page.getByTestId('task-trace')).toContainText("Couldn't find or create file");

  // The read-only cluster also has a Connect cluster nothing answers for: down, with the reason, and
  // the rest of the overview as usual.
  await page.goto('/clusters/local-ro');
  const down = page.locator('[data-testid="connect-cluster-down"][data-connect="gone-connect"]');
  await expect(down).toContainText('cannot be reached', { timeout: 20_000 });
  await expect(page.getByTestId('stat-brokers-online')).toContainText('3 / 3');
  await expect(page.getByTestId('cluster-problems')).toContainText('Kafka Connect cluster gone-connect down');
  await snapWidths(page, 'overview-connect-down');
});

test("a stopped sink's offset is edited, previewed and written from its page", async ({ page, baseURL }) => {
  await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    BOOTSTRAP,
    '--create',
    '--topic',
    topic,
    '--partitions',
    '1',
    '--replication-factor',
    '1',
  ]);
  execFileSync('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic, '-p', '0'], {
    input: records.join('\n') + '\n',
    timeout: 20_000,
  });
  await connectRequest('POST', '/connectors', {
    name: sink,
    config: {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: output,
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'consumer.override.auto.offset.reset': 'earliest',
    },
  });
  await expect.poll(() => fileLines().length, { timeout: 30_000 }).toBe(records.length);

  await page.goto(`/clusters/local/connect/local-connect/${sink}`);
  // Running: the edit waits for a stop.
  await expect(page.getByTestId('edit-offsets')).toBeDisabled();
  await page.getByTestId('action-stop').click();
  await page.getByTestId('confirm-action').click();
  await expect(page.getByTestId('connector-state')).toHaveAttribute('data-state', 'STOPPED', {
    timeout: 20_000,
  });
  await expect
    .poll(async () => (await workerOffsets(sink)).offsets[0]?.offset.kafka_offset, { timeout: 20_000 })
    .toBe(records.length);
  await expect(page.getByTestId('offsets-json')).toContainText(`"kafka_offset": ${records.length}`, {
    timeout: 20_000,
  });

  await page.getByTestId('edit-offsets').click();
  const dialog = page.getByTestId('edit-offsets-dialog');
  await expect(dialog.getByTestId('offset-topic')).toHaveValue(topic);
  await expect(dialog.getByTestId('offset-value')).toHaveValue(String(records.length));
  await dialog.getByTestId('offset-value').fill('-1');
  await expect(dialog.getByTestId('offsets-problem')).toContainText('0 or more');
  await expect(dialog.getByTestId('preview-offsets')).toBeDisabled();
  await dialog.getByTestId('offset-value').fill('2');
  await snap(page, 'connect-offsets-form');
  await dialog.getByTestId('preview-offsets').click();
  await expect(dialog.getByTestId('offsets-diff-row')).toHaveCount(1);
  await expect(dialog.getByTestId('offsets-diff-row')).toContainText(`${topic} [0]`);
  await expect(dialog.getByTestId('offsets-before')).toHaveText(String(records.length));
  await expect(dialog.getByTestId('offsets-after')).toHaveText('2');
  await snap(page, 'connect-offsets-preview');
  // The preview wrote nothing.
  expect((await workerOffsets(sink)).offsets[0]!.offset.kafka_offset).toBe(records.length);

  // Others may not: a viewer, and anyone on the read-only cluster.
  const body = {
    offsets: [{ partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 0 } }],
  };
  const viewer = await signedIn(baseURL!, 'viewer');
  const operator = await signedIn(baseURL!, 'operator');
  for (const [who, base] of [
    [viewer, 'local'],
    [operator, 'local'],
    [page.request, 'local-ro'],
  ] as const) {
    const refused = await who.patch(
      `/api/clusters/${base}/connect/local-connect/connectors/${sink}/offsets`,
      {
        data: body,
      },
    );
    expect(refused.status()).toBe(403);
  }
  await viewer.dispose();
  await operator.dispose();

  await dialog.getByTestId('apply-offsets').click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  expect((await workerOffsets(sink)).offsets).toEqual([
    { partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 2 } },
  ]);
  await expect(page.getByTestId('offsets-json')).toContainText('"kafka_offset": 2');

  // The audit line holds the offset before and after.
  await expect
    .poll(
      () =>
        execFileSync(
          'kcat',
          ['-C', '-b', BOOTSTRAP, '-t', 'kafkascope-e2e-audit', '-o', '-200', '-e', '-q', '-f', '%s\\n'],
          { encoding: 'utf8', timeout: 30_000 },
        )
          .split('\n')
          .filter(
            (l) => l.includes('"connect.offsets.alter"') && l.includes(sink) && l.includes('"result":"ok"'),
          )
          .map(
            (l) =>
              JSON.parse(l) as { change?: { before: { offset: unknown }[]; after: { offset: unknown }[] } },
          )
          .map((l) => [l.change?.before[0]?.offset, l.change?.after[0]?.offset]),
      { timeout: 30_000 },
    )
    .toContainEqual([{ kafka_offset: records.length }, { kafka_offset: 2 }]);

  // Resumed, it reads again from offset 2.
  await page.getByTestId('action-resume').click();
  await page.getByTestId('confirm-action').click();
  await expect.poll(() => fileLines(), { timeout: 30_000 }).toEqual([...records, ...records.slice(2)]);
});
