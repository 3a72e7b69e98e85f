import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import avro from 'avsc';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';
import { ensureRegistry, registerSchema } from '../../dev/schema-registry/local-registry';
import { MessagesPage } from '../pages/messages-page';
import { snap } from '../support/screenshot';

const exec = promisify(execFile);
const api = '/api/clusters/local';
const topic = `e2e-ui-avro-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const schema = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    {
      name: 'customer',
      type: {
        type: 'record',
        name: 'Customer',
        fields: [
          { name: 'id', type: 'string' },
          { name: 'tier', type: { type: 'enum', name: 'Tier', symbols: ['FREE', 'GOLD'] } },
        ],
      },
    },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};
const type = avro.Type.forSchema(schema as avro.Schema);
let id = 0;

/** Records framed in the registry's wire format by this test, sent by kcat (an outside client), one per file line-free delimiter. */
async function kcatProduce(values: Buffer[]): Promise<void> {
  const delimiter = '\u001e<<end>>\u001f';
  const child = exec('kcat', ['-b', BOOTSTRAP, '-P', '-t', topic, '-p', '0', '-D', delimiter]);
  child.child.stdin!.end(Buffer.concat(values.flatMap((v) => [v, Buffer.from(delimiter)])));
  await child;
}

const frame = (body: Buffer) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, body]);
};

test.beforeAll(async ({ request }) => {
  await ensureRegistry();
  const created = await request.post(`${api}/topics`, {
    data: { name: topic, partitions: 1, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  id = await registerSchema(`${topic}-value`, schema, 'AVRO');
  await kcatProduce(
    Array.from({ length: 20 }, (_, i) =>
      frame(
        type.toBuffer({
          id: `o-${i}`,
          customer: { id: `c-${i}`, tier: i % 5 === 0 ? 'GOLD' : 'FREE' },
          amount: Buffer.from([0, i * 10 + 5]),
          at: 1_733_000_000_000 + i * 1000,
        }),
      ),
    ),
  );
});

test.afterAll(async ({ request }) => {
  await request.delete(`${api}/topics/${topic}`);
});

test('Avro records show decoded, with their subject, version and schema id, at every width', async ({
  page,
}) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto('start=oldest');
  await expect(messages.rows).toHaveCount(20);
  const first = messages.row(0, 0);
  await expect(first.getByTestId('schema-tag')).toHaveText('Avro v1');
  await expect(first.getByTestId('message-value')).toContainText(
    '{"id":"o-0","customer":{"id":"c-0","tier":"GOLD"},"amount":"0.05"',
  );
  await first.click();
  await expect(messages.detail.getByTestId('schema-info')).toHaveText(
    `${topic}-value v1 · id ${id} · shop.Order`,
  );
  await expect(messages.detail.getByTestId('detail-value')).toContainText('"at": "2024-11-30T20:53:20.000Z"');
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `schema-avro-browse-${width}`);
  }
  // The topic page names the subject its records use, linked to the registry browser.
  await expect(page.getByTestId('topic-schema-link')).toHaveText([`${topic}-valuevalue`]);
  // Raw bytes on request: hex, starting with the magic byte and the schema id.
  await messages.valueDecoder.selectOption('hex');
  await expect(first.getByTestId('message-value')).toContainText(
    `00 00 00 00 ${id.toString(16).padStart(2, '0')}`,
  );
});

test('search filters Avro records by their decoded fields', async ({ page }) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto('mode=search');
  await messages.search({ filter: 'json.customer.tier == "GOLD" && json.amount != "0.05"' });
  await expect(messages.searchDone).toBeVisible();
  await expect(messages.rows).toHaveCount(3); // c-5, c-10, c-15
  await expect(messages.rows.getByTestId('schema-tag')).toHaveText(['Avro v1', 'Avro v1', 'Avro v1']);
  await snap(page, 'schema-avro-search');
});

test('produce with the subject: the field that does not fit is named, and what is sent decodes as typed', async ({
  page,
}) => {
  const messages = new MessagesPage(page, topic);
  await messages.goto();
  await messages.openProducer();
  const d = messages.produceDialog;
  await d.getByTestId('produce-format').selectOption('schema');
  await d.getByTestId('produce-subject').fill(`${topic}-value`);
  await d.getByTestId('produce-partition').selectOption('0');
  await d
    .getByTestId('produce-value')
    .fill(
      '{"id":"o-new","customer":{"id":"c-99","tier":"SILVER"},"amount":"12.34","at":"2024-12-01T10:00:00.000Z"}',
    );
  await d.getByTestId('produce-submit').click();
  await expect(messages.produceError).toContainText('customer.tier: expected one of FREE, GOLD');
  await snap(page, 'schema-avro-produce-error');
  await d
    .getByTestId('produce-value')
    .fill(
      '{"id":"o-new","customer":{"id":"c-99","tier":"GOLD"},"amount":"12.34","at":"2024-12-01T10:00:00.000Z"}',
    );
  await d.getByTestId('produce-submit').click();
  await expect(messages.produceResults).toHaveCount(1);
  const offset = Number(await messages.produceResults.first().getAttribute('data-offset'));
  await snap(page, 'schema-avro-produce');
  await messages.closeProducer();
  // Read back by kcat and decoded by this test's own Avro reader.
  const { stdout } = await exec(
    'kcat',
    ['-b', BOOTSTRAP, '-C', '-t', topic, '-p', '0', '-o', String(offset), '-c', '1', '-e', '-q', '-f', '%s'],
    { encoding: 'buffer' },
  );
  const bytes = stdout as unknown as Buffer;
  expect(bytes.readInt32BE(1)).toBe(id);
  const read = type.fromBuffer(bytes.subarray(5)) as {
    customer: { tier: string };
    amount: Buffer;
    at: number;
  };
  expect(read.customer.tier).toBe('GOLD');
  expect(read.amount.readInt16BE(0)).toBe(1234);
  expect(read.at).toBe(Date.parse('2024-12-01T10:00:00.000Z'));
  // The topic's subject link opens the subject in the registry browser.
  await page.getByTestId('topic-schema-link').click();
  await expect(page).toHaveURL(new RegExp(`/clusters/local/schemas/${topic}-value`));
});
