import { expect, test, type Page } from '@playwright/test';
import { BOOTSTRAP, kafkaCli } from '../../dev/kafka/local-cluster';
import { signedIn } from '../support/auth';
import { testKafka } from '../support/kafka';
import { snap } from '../support/screenshot';

/**
 * ACLs through the UI against the local cluster's StandardAuthorizer, checked with Kafka's kafka-acls:
 * a consumer wizard to its preview and applied, the bindings in the list and on the topic's and the
 * group's Access tabs, then deleted; refused on the read-only cluster and for a viewer.
 */
const api = '/api/clusters/local';
const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const principal = `User:e2e-acl-${run}`;
const topic = `e2e-acl-${run}`;
const group = `e2e-acl-group-${run}`;
const bootstrap = BOOTSTRAP.split(',')[0]!;

/** kafka-acls --list for the test's principal, one line per binding. */
async function aclsWithKafkaTools(): Promise<string[]> {
  const out = await kafkaCli('kafka-acls', [
    '--bootstrap-server',
    bootstrap,
    '--list',
    '--principal',
    principal,
  ]);
  const lines: string[] = [];
  let resource = '';
  for (const line of out.split('\n')) {
    const r = /resourceType=(\w+), name=(.+), patternType=(\w+)\)/.exec(line);
    if (r) resource = `${r[1]}:${r[3]}:${r[2]}`;
    const a = /operation=(\w+), permissionType=(\w+)\)/.exec(line);
    if (a) lines.push(`${a[2]} ${a[1]} ${resource}`);
  }
  return lines.sort();
}

async function widths(page: Page, name: string) {
  for (const width of [1024, 1440, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.afterAll(async ({ request }) => {
  const list = await request.get(`${api}/acls?principal=${encodeURIComponent(principal)}`);
  const { bindings } = (await list.json()) as { bindings: unknown[] };
  if (bindings.length > 0) await request.post(`${api}/acls/delete`, { data: { bindings } });
  await request.delete(`${api}/groups/${group}`);
  await request.delete(`${api}/topics/${topic}`);
});

test('an admin walks the consumer wizard to its preview, applies it, sees who may read, and deletes it', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  expect(
    (
      await request.post(`${api}/topics`, { data: { name: topic, partitions: 1, replicationFactor: 1 } })
    ).status(),
  ).toBe(200);

  await page.goto(`/clusters/local/acls?principal=${encodeURIComponent(principal)}`);
  await expect(page.getByTestId('acls-empty')).toBeVisible();
  await expect(page.getByTestId('nav-acls')).toHaveAttribute('aria-current', 'page');

  await page.getByTestId('acl-create').click();
  const dialog = page.getByTestId('acl-create-dialog');
  await dialog.getByTestId('acl-kind').selectOption('consumer');
  // The same schema as the server's: a principal without its type is refused before any request.
  await dialog.getByTestId('acl-principal').fill('nobody');
  await dialog.getByTestId('acl-topic').fill(topic);
  await dialog.getByTestId('acl-group').fill(group);
  await dialog.getByTestId('acl-submit').click();
  await expect(dialog.getByTestId('acl-issues')).toContainText('TYPE:name');

  await dialog.getByTestId('acl-principal').fill(principal);
  await dialog.getByTestId('acl-submit').click();
  const preview = dialog.getByTestId('acl-preview');
  await expect(preview.getByTestId('acl-row')).toHaveCount(3);
  await expect(preview).toContainText(`TOPIC ${topic}`);
  await expect(preview).toContainText(`GROUP ${group}`);
  await widths(page, 'acls-preview');
  expect(await aclsWithKafkaTools()).toEqual([]); // a preview changes nothing (nothing to wait for)

  await expect(dialog.getByTestId('acl-submit')).toHaveText('Create 3 bindings');
  await dialog.getByTestId('acl-submit').click();
  await expect(dialog.getByTestId('acl-outcome-summary')).toHaveText('All 3 bindings were created.');
  await expect(dialog.getByTestId('acl-outcome')).toHaveText(['applied', 'applied', 'applied']);
  await expect
    .poll(aclsWithKafkaTools)
    .toEqual([
      `ALLOW DESCRIBE TOPIC:LITERAL:${topic}`,
      `ALLOW READ GROUP:LITERAL:${group}`,
      `ALLOW READ TOPIC:LITERAL:${topic}`,
    ]);
  await dialog.getByTestId('acl-submit').click();
  await expect(dialog).toBeHidden();

  const table = page.getByTestId('acl-table');
  await expect(table.getByTestId('acl-row')).toHaveCount(3);
  await widths(page, 'acls-list');

  // Who may do what on the topic and on the group: the principal reads and describes, nothing more.
  await page.goto(`/clusters/local/topics/${topic}?tab=access`);
  const row = page.getByTestId('access-row').filter({ hasText: principal });
  await expect(row.getByTestId('access-READ')).toHaveText('allow');
  await expect(row.getByTestId('access-DESCRIBE')).toHaveText('allow');
  await expect(row.getByTestId('access-WRITE')).toHaveCount(0);
  await widths(page, 'acls-topic-access');

  // The group's Access tab: the principal may read the group, not delete it.
  const admin = testKafka('kafkascope-e2e-acls').admin();
  await admin.connect();
  await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '0' }] });
  await admin.disconnect();
  await page.goto(`/clusters/local/groups/${group}?tab=access`);
  const groupRow = page.getByTestId('access-row').filter({ hasText: principal });
  await expect(groupRow.getByTestId('access-READ')).toHaveText('allow');
  await expect(groupRow.getByTestId('access-DESCRIBE')).toHaveText('allow');
  await expect(groupRow.getByTestId('access-DELETE')).toHaveCount(0);

  // The read-only copy of the cluster refuses changes for everyone, and a viewer may not change ACLs.
  const binding = {
    principal,
    host: '*',
    resourceType: 'TOPIC',
    resourceName: topic,
    patternType: 'LITERAL',
    operation: 'WRITE',
    permission: 'ALLOW',
  };
  const readOnly = await request.post('/api/clusters/local-ro/acls', { data: { bindings: [binding] } });
  expect(readOnly.status()).toBe(403);
  const viewer = await signedIn(new URL(page.url()).origin, 'viewer');
  expect((await viewer.post(`${api}/acls`, { data: { bindings: [binding] } })).status()).toBe(403);
  await viewer.dispose();

  // Delete one binding, then the rest.
  await page.goto(`/clusters/local/acls?principal=${encodeURIComponent(principal)}&resourceType=GROUP`);
  await expect(table.getByTestId('acl-row')).toHaveCount(1);
  await table.getByTestId('acl-delete').click();
  const del = page.getByTestId('acl-delete-dialog');
  await expect(del.getByTestId('acl-delete-preview')).toContainText(group);
  await del.getByTestId('acl-delete-submit').click();
  await expect(del.getByTestId('acl-delete-summary')).toHaveText('Deleted the binding.');
  await del.getByTestId('acl-delete-submit').click();
  await expect(page.getByTestId('acls-empty')).toBeVisible();
  await expect
    .poll(aclsWithKafkaTools)
    .toEqual([`ALLOW DESCRIBE TOPIC:LITERAL:${topic}`, `ALLOW READ TOPIC:LITERAL:${topic}`]);

  await page.getByTestId('acl-filter-resourceType').selectOption('ANY');
  await expect(table.getByTestId('acl-row')).toHaveCount(2);
  await page.getByTestId('acl-delete-shown').click();
  await del.getByTestId('acl-delete-submit').click();
  await expect(del.getByTestId('acl-delete-summary')).toHaveText('Deleted all 2 bindings.');
  await del.getByTestId('acl-delete-submit').click();
  await expect(page.getByTestId('acls-empty')).toBeVisible();
  await expect.poll(aclsWithKafkaTools).toEqual([]);
});

test('the producer, transactional-producer and Kafka Streams wizards preview exactly their bindings', async ({
  page,
}) => {
  // Applied for real, with real clients, in server/services/acl-wizards.int.test.ts: here, what the form shows.
  await page.goto(`/clusters/local/acls?principal=${encodeURIComponent(principal)}`);
  await page.getByTestId('acl-create').click();
  const dialog = page.getByTestId('acl-create-dialog');
  const preview = dialog.getByTestId('acl-preview');
  const rows = async () =>
    (await preview.getByTestId('acl-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).sort();

  await dialog.getByTestId('acl-kind').selectOption('producer');
  await dialog.getByTestId('acl-principal').fill(principal);
  await dialog.getByTestId('acl-topic').fill(`${topic}-out.`);
  await dialog.locator('#acl-topic-pattern').selectOption('PREFIXED');
  await dialog.getByTestId('acl-submit').click();
  await expect(preview.getByTestId('acl-row')).toHaveCount(2);
  expect(await rows()).toEqual([
    `ALLOW DESCRIBE ${principal} TOPIC ${topic}-out. (prefix)`,
    `ALLOW WRITE ${principal} TOPIC ${topic}-out. (prefix)`,
  ]);
  await dialog.getByTestId('acl-back').click();

  await dialog.getByTestId('acl-kind').selectOption('transactional');
  await dialog.getByTestId('acl-topic').fill(topic);
  await dialog.locator('#acl-topic-pattern').selectOption('LITERAL');
  await dialog.getByTestId('acl-txid').fill(`${topic}-tx`);
  await dialog.getByTestId('acl-submit').click();
  await expect(preview.getByTestId('acl-row')).toHaveCount(4);
  expect(await rows()).toEqual([
    `ALLOW DESCRIBE ${principal} TOPIC ${topic} (literal)`,
    `ALLOW DESCRIBE ${principal} TRANSACTIONAL_ID ${topic}-tx (literal)`,
    `ALLOW WRITE ${principal} TOPIC ${topic} (literal)`,
    `ALLOW WRITE ${principal} TRANSACTIONAL_ID ${topic}-tx (literal)`,
  ]);
  await dialog.getByTestId('acl-back').click();

  await dialog.getByTestId('acl-kind').selectOption('streams');
  await dialog.getByTestId('acl-app').fill(`${topic}-app`);
  await dialog.locator('#acl-inputs').fill(`${topic}-in`);
  await dialog.locator('#acl-outputs').fill(`${topic}-out`);
  await dialog.getByTestId('acl-submit').click();
  // Its input (read) and output (write) topics, its internal topics, group and transactional ids by
  // the application.id prefix, and idempotent writes on the cluster.
  await expect(preview.getByTestId('acl-row')).toHaveCount(15);
  const streams = await rows();
  for (const op of ['READ', 'WRITE', 'CREATE', 'DELETE', 'DESCRIBE', 'DESCRIBE_CONFIGS'])
    expect(streams).toContain(`ALLOW ${op} ${principal} TOPIC ${topic}-app (prefix)`);
  expect(streams).toContain(`ALLOW READ ${principal} TOPIC ${topic}-in (literal)`);
  expect(streams).toContain(`ALLOW WRITE ${principal} TOPIC ${topic}-out (literal)`);
  expect(streams).toContain(`ALLOW READ ${principal} GROUP ${topic}-app (prefix)`);
  expect(streams).toContain(`ALLOW WRITE ${principal} TRANSACTIONAL_ID ${topic}-app (prefix)`);
  expect(streams.some((r) => r.startsWith(`ALLOW IDEMPOTENT_WRITE ${principal} CLUSTER`))).toBe(true);
  await widths(page, 'acls-streams-preview');
  // A preview creates nothing.
  expect(await aclsWithKafkaTools()).toEqual([]);
});
