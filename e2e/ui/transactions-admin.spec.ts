import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { writeHangingTransaction, type HangingTransaction } from '../../dev/kafka/hanging-transaction';
import { BOOTSTRAP, kafkaCli } from '../../dev/kafka/local-cluster';
import { writeTransactions } from '../../dev/kafka/transactions';
import { signedIn } from '../support/auth';
import { testKafka } from '../support/kafka';
import { snap } from '../support/screenshot';

const run = promisify(execFile);
const api = '/api/clusters/local';
const topic = `e2e-ui-txadmin-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const transactionalId = `${topic}-producer`;
const openTopic = `${topic}-open`;
const openId = `${topic}-open-producer`;
const bootstrap = BOOTSTRAP.split(',')[0]!;

/** What a read_committed consumer (kcat, librdkafka) reads from the start to where it must stop. */
async function readCommitted(): Promise<string[]> {
  const { stdout } = await run(
    'kcat',
    [
      '-C',
      '-b',
      BOOTSTRAP,
      '-t',
      topic,
      '-p',
      '0',
      '-o',
      'beginning',
      '-e',
      '-q',
      '-X',
      'isolation.level=read_committed',
      '-f',
      '%s\\n',
    ],
    { timeout: 30_000 },
  );
  return stdout.split('\n').filter(Boolean);
}

/** kafka-transactions' tab-separated table as rows of cells keyed by its header. */
function table(out: string): Record<string, string>[] {
  const [header, ...rows] = out
    .trim()
    .split('\n')
    .map((l) => l.split('\t').map((c) => c.trim()));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
  await request.delete(`${api}/topics/${openTopic}`);
});

test('transactional ids are listed as kafka-transactions lists them; a real hanging transaction is found and aborted through the preview', async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: 1, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  // kept 0, COMMIT 1; then a transaction under a producer id no coordinator knows: stuck 2 and 3.
  await writeTransactions(topic, [[['kept'], 'commit']]);
  const hanging: HangingTransaction = await writeHangingTransaction(topic, 0, ['stuck-1', 'stuck-2']);
  expect(hanging.startOffset).toBe(2);
  // Written after the open transaction: a read_committed consumer cannot get to it.
  const producer = testKafka('kafkascope-e2e-txadmin').producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ value: 'after' }] });
  await producer.disconnect();
  expect(await readCommitted()).toEqual(['kept']);
  // A live transaction, left open while the list is read (on a topic of its own).
  expect(
    (
      await request.post(`${api}/topics`, { data: { name: openTopic, partitions: 1, replicationFactor: 1 } })
    ).status(),
  ).toBe(200);
  const live = testKafka('kafkascope-e2e-txadmin-open').producer({
    transactionalId: openId,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await live.connect();
  const ongoing = await live.transaction();
  await ongoing.send({ topic: openTopic, messages: [{ value: 'pending' }] });

  // The list, filtered to this test's ids, against kafka-transactions list.
  await page.goto(`/clusters/local/transactions?q=${topic}`);
  const row = page.locator(`[data-testid="transaction-row"][data-id="${transactionalId}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('transaction-state')).toHaveText('CompleteCommit');
  const listed = table(await kafkaCli('kafka-transactions', ['--bootstrap-server', bootstrap, 'list'])).find(
    (r) => r.TransactionalId === transactionalId,
  );
  expect(listed?.TransactionState).toBe('CompleteCommit');
  await expect(row.getByTestId('transaction-producer-id')).toHaveText(listed!.ProducerId!);
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `transactions-list-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('transactions-state-filter').selectOption('Ongoing');
  await expect(page).toHaveURL(/state=Ongoing/);
  await expect(row).toHaveCount(0);
  const openRow = page.locator(`[data-testid="transaction-row"][data-id="${openId}"]`);
  await expect(openRow.getByTestId('transaction-state')).toHaveText('Ongoing');
  await expect(openRow).toContainText(`${openTopic}-0`);
  await snap(page, 'transactions-ongoing');
  await ongoing.abort();
  await live.disconnect();
  await page.getByTestId('transactions-state-filter').selectOption('CompleteCommit');
  await expect(row).toBeVisible();

  // The detail, against kafka-transactions describe.
  await row.getByRole('link', { name: transactionalId }).click();
  await expect(page).toHaveURL(new RegExp(`/transactions/ids/${transactionalId}$`));
  const described = table(
    await kafkaCli('kafka-transactions', [
      '--bootstrap-server',
      bootstrap,
      'describe',
      '--transactional-id',
      transactionalId,
    ]),
  )[0]!;
  await expect(page.getByTestId('detail-state')).toHaveText(described.TransactionState!);
  await expect(page.getByTestId('detail-producer-epoch')).toHaveText(described.ProducerEpoch!);
  await expect(page.getByTestId('detail-coordinator')).toHaveText(`broker ${described.CoordinatorId}`);

  // The producers of the partition, against kafka-transactions describe-producers.
  await page.goto(`/clusters/local/topics/${topic}?tab=partitions`);
  const producers = table(
    await kafkaCli('kafka-transactions', [
      '--bootstrap-server',
      bootstrap,
      'describe-producers',
      '--topic',
      topic,
      '--partition',
      '0',
    ]),
  );
  const open = producers.find((p) => p.ProducerId === String(hanging.producerId));
  expect(open?.CurrentTransactionStartOffset).toBe('2');
  await expect(page.getByTestId('topic-producer-row')).toHaveCount(producers.length);
  await expect(page.getByTestId('topic-producer-open').filter({ hasText: 'offset 2' })).toHaveCount(1);

  // find-hanging counts whole minutes: once it lists the producer, the console must too.
  await expect
    .poll(
      async () =>
        table(
          await kafkaCli('kafka-transactions', [
            '--bootstrap-server',
            bootstrap,
            'find-hanging',
            '--topic',
            topic,
            '--max-transaction-timeout',
            '1',
          ]),
        ).map((r) => r.ProducerId),
      { timeout: 120_000, intervals: [5_000] },
    )
    .toEqual([String(hanging.producerId)]);
  await page.getByTestId('topic-find-hanging').click();
  await expect(page).toHaveURL(new RegExp(`/transactions/hanging\\?topic=${topic}$`));
  await page.getByTestId('hanging-older-than').fill('60');
  await page.getByTestId('hanging-search-button').click();
  const hangingRow = page.locator(`[data-testid="hanging-row"][data-topic="${topic}"]`);
  await expect(hangingRow).toHaveCount(1);
  await expect(hangingRow.getByTestId('hanging-producer-id')).toHaveText(String(hanging.producerId));
  await expect(hangingRow.getByTestId('hanging-start-offset')).toHaveText('2');
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `transactions-hanging-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // A viewer may not abort, nor anyone on the read-only cluster.
  const body = {
    topic,
    partition: 0,
    producerId: hanging.producerId,
    producerEpoch: hanging.producerEpoch,
    startOffset: hanging.startOffset,
    dryRun: false,
  };
  const viewer = await signedIn(baseURL!, 'viewer');
  expect((await viewer.post(`${api}/transactions/abort`, { data: body })).status()).toBe(403);
  await viewer.dispose();
  const readOnly = await request.post('/api/clusters/local-ro/transactions/abort', { data: body });
  expect(readOnly.status()).toBe(403);
  expect(((await readOnly.json()) as { error: { code: string } }).error.code).toBe('read_only');

  // Abort through the preview.
  await hangingRow.getByTestId('hanging-abort-button').click();
  const dialog = page.getByTestId('abort-dialog');
  await expect(page.getByTestId('abort-apply-button')).toBeDisabled();
  await page.getByTestId('abort-preview-button').click();
  await expect(dialog.getByTestId('abort-preview-start')).toHaveText('2');
  await expect(dialog.getByTestId('abort-preview-lso')).toHaveText('2');
  await expect(dialog.getByTestId('abort-preview-high')).toHaveText('5');
  // The dialog alone: a full-page shot cuts a fixed, scrolling overlay.
  await dialog.screenshot({ path: 'e2e/screenshots/transactions-abort-preview.png' });
  // The preview changed nothing.
  expect(await readCommitted()).toEqual(['kept']);
  await page.getByTestId('abort-apply-button').click();
  await expect(dialog).toHaveCount(0);
  // The ABORT marker takes offset 5: read_committed now reads to the end, past the aborted records.
  await expect(page.getByTestId('hanging-notice')).toContainText('moved from 2 to 6');
  await expect(page.getByTestId('hanging-empty')).toBeVisible();
  expect(await readCommitted()).toEqual(['kept', 'after']);
  const after = table(
    await kafkaCli('kafka-transactions', [
      '--bootstrap-server',
      bootstrap,
      'describe-producers',
      '--topic',
      topic,
      '--partition',
      '0',
    ]),
  ).find((p) => p.ProducerId === String(hanging.producerId));
  // kafka-transactions prints None for a producer with no open transaction.
  expect(after?.CurrentTransactionStartOffset).toBe('None');

  // The audit line holds the state before and after.
  await expect
    .poll(
      async () => {
        const { stdout } = await run(
          'kcat',
          ['-C', '-b', BOOTSTRAP, '-t', 'kafkascope-e2e-audit', '-o', '-200', '-e', '-q', '-f', '%s\\n'],
          { timeout: 30_000 },
        );
        return stdout
          .split('\n')
          .filter(
            (l) => l.includes('"transaction.abort"') && l.includes(topic) && l.includes('"result":"ok"'),
          )
          .map(
            (l) =>
              JSON.parse(l) as {
                change?: { before: { lastStableOffset: number }; after: { lastStableOffset: number } };
              },
          )
          .map((l) => [l.change?.before.lastStableOffset, l.change?.after.lastStableOffset]);
      },
      { timeout: 30_000 },
    )
    .toContainEqual([2, 6]);
});
