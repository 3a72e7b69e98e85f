import { expect, test } from '@playwright/test';
import { writeTransactions } from '../../dev/kafka/transactions';
import { testKafka } from '../support/kafka';
import { MessagesPage } from '../pages/messages-page';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const topic = `e2e-ui-tx-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
});

test('aborted records are flagged in the list, the detail, the message page and the export', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: 1, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  const kafka = testKafka();
  // kept 0, COMMIT 1, dropped 2, ABORT 3.
  await writeTransactions(topic, [
    [['kept'], 'commit'],
    [['dropped'], 'abort'],
  ]);
  const plain = kafka.producer();
  await plain.connect();
  await plain.send({ topic, messages: [{ value: 'plain' }] });
  await plain.disconnect();

  const messages = new MessagesPage(page, topic);
  await messages.goto('start=oldest');
  await expect(messages.rows).toHaveCount(3);
  // Only the aborted one carries a badge in the list: committed and plain records read as usual.
  await expect(messages.rows.getByTestId('message-transaction')).toHaveCount(1);
  await expect(messages.row(0, 2).getByTestId('message-transaction')).toHaveText('aborted');
  await messages.row(0, 2).click();
  await expect(messages.detail.getByTestId('detail-transaction')).toHaveText('aborted transaction');
  await snap(page, 'messages-aborted');
  await messages.row(0, 2).click();
  await messages.row(0, 0).click();
  await expect(messages.detail.getByTestId('detail-transaction')).toHaveText('committed transaction');

  const jsonl = await messages.export('jsonl');
  const lines = jsonl.text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { value: string; transaction: string | null });
  expect(Object.fromEntries(lines.map((l) => [l.value, l.transaction]))).toEqual({
    kept: 'committed',
    dropped: 'aborted',
    plain: null,
  });

  await page.goto(`/clusters/local/topics/${topic}/messages/0/2`);
  await expect(messages.messagePage).toHaveAttribute('data-offset', '2');
  await expect(page.getByTestId('detail-transaction')).toHaveText('aborted transaction');
});
