import { execFile } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { BOOTSTRAP, kafkaCli } from '../../dev/kafka/local-cluster';
import { MessagesPage } from '../pages/messages-page';
import { snap } from '../support/screenshot';

const api = '/api/clusters/local';
const topic = `e2e-ui-msg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** Produces stdin's `key|value` lines with kcat, an outside client, to one partition with gzip and a header. */
function kcatProduce(input: Buffer, partition: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'kcat',
      ['-b', BOOTSTRAP, '-P', '-t', topic, '-p', String(partition), '-z', 'gzip', '-K', '|', '-H', 'h=v'],
      { timeout: 30_000 },
      (error) => (error ? reject(error) : resolve()),
    );
    child.stdin?.end(input);
  });
}

async function groupList(): Promise<string[]> {
  const out = await kafkaCli('kafka-consumer-groups', ['--bootstrap-server', BOOTSTRAP, '--list']);
  return out.split('\n').map((line) => line.trim()).filter(Boolean).sort();
}

async function groupsOfTopic(request: APIRequestContext): Promise<number> {
  const response = await request.get(`${api}/groups?topic=${encodeURIComponent(topic)}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
});

test('produce from the panel, browse newest first, open one message, and read kcat bytes exactly', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const created = await request.post(`${api}/topics`, { data: { name: topic, partitions: 3, replicationFactor: 1 } });
  expect(created.status()).toBe(200);
  const groupsBefore = await groupList();

  const messages = new MessagesPage(page, topic);
  await messages.goto();
  await expect(page.getByTestId('messages-empty')).toBeVisible();

  // A JSON message with a header, from the producer panel.
  const value = '{"order":42,"items":["a","b"],"note":"<b>not html</b>"}';
  await messages.openProducer();
  await messages.produce({ key: 'order-42', value, format: 'json', headers: [{ key: 'source', value: 'e2e' }] });
  await expect(messages.produceResults).toHaveCount(1);
  const partition = Number(await messages.produceResults.first().getAttribute('data-partition'));
  const offset = Number(await messages.produceResults.first().getAttribute('data-offset'));
  expect(offset).toBe(0);
  await snap(page, 'messages-produce-result');

  // A JSON error is shown in place, before anything is sent.
  await messages.produceDialog.getByTestId('produce-value').fill('{"broken": }');
  await messages.produceDialog.getByTestId('produce-submit').click();
  await expect(messages.produceDialog.getByTestId('field-error')).toContainText('Invalid JSON');
  await messages.closeProducer();

  // The messages tab refreshed: the new message is the top row, value exactly as sent.
  const top = messages.rows.first();
  await expect(top).toHaveAttribute('data-partition', String(partition));
  await expect(top).toHaveAttribute('data-offset', '0');
  await expect(top.getByTestId('message-key')).toHaveText('order-42');
  await expect(top.getByTestId('message-value')).toHaveText(value);
  await expect(top.getByTestId('message-compression')).toHaveText('none');
  await top.click();
  await expect(messages.detail.getByTestId('detail-value')).toHaveText(JSON.stringify(JSON.parse(value), null, 2));
  await expect(messages.detail.getByTestId('message-header')).toHaveAttribute('data-key', 'source');
  await expect(messages.detail.getByTestId('message-header-value')).toHaveText('e2e');
  await snap(page, 'messages-expanded');

  // Its link opens exactly that message.
  await messages.detail.getByTestId('message-link').click();
  await expect(messages.messagePage).toHaveAttribute('data-partition', String(partition));
  await expect(messages.messagePage).toHaveAttribute('data-offset', String(offset));
  await expect(page.getByTestId('single-offset')).toHaveText(String(offset));
  await expect(page.getByTestId('detail-key')).toHaveText('order-42');
  await messages.valueDecoder.selectOption('text');
  await expect(page.getByTestId('detail-value')).toHaveText(value);
  await expect(page).toHaveURL(/valueAs=text/);
  await snap(page, 'messages-single');

  // kcat writes text and binary to partition 1 with gzip; the browser shows those very bytes. The
  // long third message makes the batch worth compressing (librdkafka sends it plain otherwise).
  const binary = Buffer.from([0x00, 0x01, 0xfe, 0xff, 0x7f, 0x10]);
  const long = `long|${'compressible '.repeat(40)}\n`;
  await kcatProduce(Buffer.concat([Buffer.from('k1|héllo wörld\nbin|'), binary, Buffer.from(`\n${long}`)]), 1);
  await messages.goto('partitions=1&start=oldest');
  await expect(messages.rows).toHaveCount(3);
  await expect(messages.rows.getByTestId('message-compression')).toHaveText(['gzip', 'gzip', 'gzip']);
  const text = messages.row(1, 0);
  await expect(text.getByTestId('message-key')).toHaveText('k1');
  await expect(text.getByTestId('message-value')).toHaveText('héllo wörld');
  await expect(text.getByTestId('message-headers-count')).toHaveText('1');
  const bin = messages.row(1, 1);
  await expect(bin.getByTestId('message-key')).toHaveText('bin');
  await expect(bin.getByTestId('message-value')).toHaveText('00 01 fe ff 7f 10');
  await expect(bin.getByTestId('message-value')).toHaveAttribute('data-as', 'hex');
  await text.click();
  await expect(messages.detail.getByTestId('message-header')).toHaveAttribute('data-key', 'h');
  await expect(messages.detail.getByTestId('message-header-value')).toHaveText('v');
  await expect(messages.detail.getByTestId('detail-compression')).toHaveText('gzip compressed');
  await messages.valueDecoder.selectOption('base64');
  await expect(bin.getByTestId('message-value')).toHaveText(binary.toString('base64'));
  await expect(page).toHaveURL(/valueAs=base64/);
  await snap(page, 'messages-kcat');

  // A MessagePack value written by kcat: {"order": 42, "ok": true, "big": 2^64-1}, read with the MessagePack decoder.
  const packed = Buffer.from([
    0x83, 0xa5, ...Buffer.from('order'), 0x2a, 0xa2, ...Buffer.from('ok'), 0xc3,
    0xa3, ...Buffer.from('big'), 0xcf, ...Array(8).fill(0xff),
  ]);
  await kcatProduce(Buffer.concat([Buffer.from('mp|'), packed, Buffer.from('\n')]), 2);
  await messages.goto('partitions=2&start=oldest&valueAs=msgpack');
  await expect(messages.valueDecoder).toHaveValue('msgpack');
  const mp = messages.row(2, 0);
  await expect(mp.getByTestId('message-value')).toHaveText('{"order":42,"ok":true,"big":18446744073709551615}');
  await mp.click();
  await expect(messages.detail.getByTestId('detail-value')).toHaveText(
    '{\n  "order": 42,\n  "ok": true,\n  "big": 18446744073709551615\n}',
  );
  await snap(page, 'messages-msgpack');

  // Browsing joined no consumer group and committed nothing for the topic.
  expect(await groupsOfTopic(request)).toBe(0);
  const added = (await groupList()).filter((g) => !groupsBefore.includes(g));
  for (const group of added) {
    const described = await kafkaCli('kafka-consumer-groups', ['--bootstrap-server', BOOTSTRAP, '--describe', '--group', group]);
    expect(described).not.toContain(topic);
  }
});
