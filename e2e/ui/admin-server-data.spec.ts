import { expect, test } from '@playwright/test';
import { kafkaCli } from '../../dev/kafka/local-cluster';
import { paths } from '../../lib/paths';
import { brokers, testKafka } from '../support/kafka';
import { watchApi, watchErrors } from '../support/page-watch';

/**
 * The cluster administration pages come with their data in the HTML, as the topic and group pages do
 * (server-data.spec.ts): ACLs, users and quotas, reassignments, transactional ids, a broker and the
 * cluster-wide broker defaults. The browser draws it without asking the API for it again, and
 * hydrating it raises no error. Each page gets something of this spec's own to show.
 */
const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const principal = `User:e2e-ssr-${id}`;
const topic = `e2e-ssr-admin-${id}`;
const transactionalId = `e2e-ssr-tx-${id}`;
const acls = (...args: string[]) => kafkaCli('kafka-acls', ['--bootstrap-server', brokers[0]!, ...args]);
const aclArgs = ['--allow-principal', principal, '--operation', 'Read', '--topic', topic];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await acls('--add', ...aclArgs);
  // Brokers take a new binding from the metadata log a moment after the controller did.
  await expect.poll(() => acls('--list', '--principal', principal), { timeout: 20_000 }).toContain(topic);
  const kafka = testKafka('kafkascope-e2e-ssr-admin');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  const producer = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const tx = await producer.transaction();
  await tx.send({ topic, messages: [{ value: 'committed' }] });
  await tx.commit();
  await producer.disconnect();
});

test.afterAll(async () => {
  await acls('--remove', '--force', ...aclArgs).catch(() => '');
  const admin = testKafka('kafkascope-e2e-ssr-admin').admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

/** API paths the page asks for, with their query strings. */
const api = '/api/clusters/local';
/** `shown`: what the HTML itself holds once the page's data is in it; `main`: the API reads it must not repeat. */
const pages: { url: string; shown: RegExp; main: string[]; waitMs?: number }[] = [
  {
    url: paths.acls('local', { principal }),
    shown: new RegExp(`data-testid="acl-row"[^]*${topic}`),
    main: [`${api}/acls?`],
  },
  {
    url: paths.security('local'),
    // The dev SCRAM user of the local cluster (dev/kafka/secure.sh) is always there.
    shown: /data-testid="scram-user-row" data-user="[^"]+"/,
    main: [`${api}/scram-users`, `${api}/quotas`],
  },
  {
    url: paths.reassignments('local'),
    // Either the partitions other suites are moving, or the sentence of an empty list (not "Loading…").
    shown: /data-testid="reassignment-row"|No reassignment is in progress\./,
    main: [`${api}/reassignments`, `${api}/brokers`],
    // It polls every 2 s from the moment it mounts.
    waitMs: 600,
  },
  {
    url: paths.transactions('local', { q: transactionalId }),
    shown: new RegExp(`data-testid="transaction-row" data-id="${transactionalId}"`),
    main: [`${api}/transactions?`],
  },
  {
    url: paths.broker('local', 1),
    shown: /data-testid="broker-config-row"[^]*data-testid="broker-config-row"/,
    main: [`${api}/brokers/1`, `${api}/broker-configs/1`],
  },
  {
    url: `/clusters/local/brokers/defaults`,
    shown: /data-testid="broker-config-row"/,
    main: [`${api}/broker-configs/default`],
  },
];

test('the administration pages come with their data and do not fetch it again on load', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const asked = watchApi(page);
  for (const { url, shown, main, waitMs = 1_500 } of pages) {
    // The HTML alone already holds the data.
    const html = await (await page.request.get(url)).text();
    expect(html, url).toMatch(shown);

    asked.length = 0;
    await page.goto(url);
    await page.waitForLoadState('load');
    // Well within the page's polling interval and staleTime.
    await page.waitForTimeout(waitMs);
    const again = asked.filter((path) =>
      main.some((m) => (m.endsWith('?') ? path.startsWith(m) : path === m || path.startsWith(`${m}?`))),
    );
    expect(again, url).toEqual([]);
  }
  expect(errors).toEqual([]);
});
