import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kcatConsume } from '@/dev/kafka/local-cluster';
import { dropDatabase, ensurePostgres, freshDatabase } from '@/dev/postgres/local-postgres';
import { ensureSmtp, receivedMail, removeMail } from '@/dev/smtp/local-smtp';
import { ruleKinds, RuleInputSchema, type RuleInput, type WebhookBody } from '@/lib/schemas/alerts';
import type { Channel } from '@/server/config/alerts';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { openStore, type Store, type StoreSettings } from '@/server/store';
import { writeSamples } from '@/server/store/lag-store';
import { invalidate } from '@/server/services/cache';
import { sampleCluster } from '@/server/services/lag-sampler';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { deliverDue, type DeliverySettings } from '@/server/services/alerts/deliver';
import { allChannels, allRules, createChannel, createRule } from '@/server/services/alerts/definitions';
import { evaluateCluster, type RuleEntry } from '@/server/services/alerts/evaluate';
import { readFacts } from '@/server/services/alerts/facts';
import { alertHistory, alertsOverview } from '@/server/services/alerts/views';

/**
 * Alerts end to end on real parts: a consumer group on the local cluster that falls behind (kcat
 * commits, then leaves), its samples in a real store (SQLite and PostgreSQL, side by side), the
 * notifications at an HTTP receiver this test runs and at the local SMTP receiver.
 */

const local = loadConfig({}).clusters[0]!;
const run = Date.now().toString(36);
const topic = `it-alerts-${run}`;
const group = `it-alerts-kcat-${run}`;
const kafka = new Kafka({
  clientId: 'it-alerts',
  brokers: local.bootstrapServers,
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer();

/** What the HTTP receiver got: path and parsed body of each POST. */
const received: { path: string; body: unknown }[] = [];
let receiver: http.Server;
let port = 0;
const dirs: string[] = [];

interface Side {
  name: string;
  settings: StoreSettings;
  store: Store;
  channels: Channel[];
  rules: RuleEntry[];
}
const sides: Side[] = [];

const settings = (): DeliverySettings => ({
  timeoutMs: 3_000,
  maxAttempts: 5,
  backoffMs: 10,
  webhookAllow: [`127.0.0.1:${port}`],
  publicUrl: 'https://console.example',
});

async function produce(count: number) {
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ value: `v${i}`, partition: i % 3 })),
  });
}

async function sample(at: number) {
  invalidate(`${local.id}/`);
  const samples = await sampleCluster(local, 'all', new Set(), () => at);
  for (const side of sides) await writeSamples(side.store, local.id, samples);
  return samples;
}

async function evaluateAll(at: number, samples: Awaited<ReturnType<typeof sample>>) {
  const out = [];
  for (const side of sides) {
    const facts = await readFacts(side.store, local, side.rules, samples, at);
    out.push(await evaluateCluster(side.store, side.rules, facts));
  }
  return out;
}

async function deliverAll() {
  for (let i = 0; i < 20; i++) {
    let busy = 0;
    for (const side of sides) {
      const r = await deliverDue(side.store, side.channels, settings());
      busy += r.delivered + r.retried + r.failed;
    }
    if (busy === 0) return;
    await new Promise((r) => setTimeout(r, 60));
  }
}

const mine = async (marker: string) => (await receivedMail()).filter((m) => m.subject.includes(marker));

beforeAll(async () => {
  await ensurePostgres();
  await ensureSmtp();
  // Read once, at the first use: the receiver's port is set before that (below).
  process.env.KAFKASCOPE_ALERTS_BACKOFF_MS = '10';
  let flaky = 0;
  receiver = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(data || 'null') });
      // The flaky receiver fails twice, then takes it.
      if (req.url?.startsWith('/flaky') && ++flaky <= 2) res.writeHead(500).end();
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  process.env.KAFKASCOPE_ALERTS_WEBHOOK_ALLOW = `127.0.0.1:${port}`;

  // What several console processes on one PostgreSQL share to keep channel secrets sealed.
  process.env.KAFKASCOPE_STORE_SECRET = 'it-alerts-store-secret-0123456789abcdef';
  const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-alerts-'));
  dirs.push(dir);
  for (const [name, s] of [
    ['sqlite', { kind: 'embedded', dataDir: dir } as StoreSettings],
    ['postgres', { kind: 'postgres', url: await freshDatabase('alerts_test') } as StoreSettings],
  ] as const) {
    const store = await openStore(s);
    const user = 'it-admin';
    await createChannel(
      store,
      { name: 'hook', type: 'webhook', url: `http://127.0.0.1:${port}/hook/${name}-token-1234` },
      user,
    );
    await createChannel(
      store,
      { name: 'slack', type: 'slack', url: `http://127.0.0.1:${port}/slack/${name}-token-5678` },
      user,
    );
    await createChannel(
      store,
      {
        name: 'mail',
        type: 'email',
        host: '127.0.0.1',
        port: 2525,
        security: 'none',
        from: 'kafkascope@example.com',
        to: ['oncall@example.com'],
      },
      user,
    );
    const groups = group;
    const rules: RuleInput[] = [
      {
        name: `Lag ${name} ${run}`,
        kind: 'lag_above',
        threshold: 20,
        groups,
        severity: 'critical',
        channels: ['hook', 'slack', 'mail'],
      },
      { name: `Stalled ${name} ${run}`, kind: 'stalled', groups, channels: ['hook'] },
      { name: `Empty ${name} ${run}`, kind: 'no_members', groups, for: '3m', channels: ['hook'] },
      { name: `Brokers ${name} ${run}`, kind: 'broker_down', channels: ['hook'] },
      { name: `URP ${name} ${run}`, kind: 'under_replicated', channels: ['hook'] },
      { name: `Offline ${name} ${run}`, kind: 'offline_partitions', channels: ['hook'] },
      { name: `Controller ${name} ${run}`, kind: 'controller_changed', channels: ['hook'] },
      { name: `Reach ${name} ${run}`, kind: 'cluster_unreachable', channels: ['hook'] },
    ];
    for (const r of rules) await createRule(store, RuleInputSchema.parse(r), user);
    sides.push({
      name,
      settings: s,
      store,
      channels: await allChannels(store),
      rules: await allRules(store),
    });
  }

  await producer.connect();
  await createTopic(local, { name: topic, partitions: 3, replicationFactor: 3, configs: {} });
  await produce(30);
  // Offsets committed on every partition (lag counts only where a group committed), then it leaves.
  expect(await kcatConsume(group, topic, 30)).toHaveLength(30);
  await produce(10);
}, 120_000);

afterAll(async () => {
  await producer.disconnect();
  await deleteTopic(local, topic).catch(() => undefined);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.disconnect();
  for (const side of sides) await side.store.close();
  await dropDatabase('alerts_test').catch(() => undefined);
  await removeMail(await mine(run));
  await new Promise((r) => receiver.close(r));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  await disconnectAll();
});

const T0 = Date.now() + 3_600_000; // samples in the future of every other suite's

describe('a group that falls behind', () => {
  it('fires lag_above and stalled at once, and no_members only after its `for`', async () => {
    await evaluateAll(T0 - 60_000, await sample(T0 - 60_000)); // lag 10: under the threshold
    await produce(15); // lag 25, committed offsets unchanged
    const results = await evaluateAll(T0, await sample(T0));
    for (const r of results) expect(r).toMatchObject({ fired: 2, resolved: 0 });
    for (const side of sides) {
      const overview = await alertsOverview(side.store, T0);
      const kindOf = new Map(overview.rules.map((r) => [r.id, r.kind]));
      const active = overview.active.filter((a) => a.clusterId === local.id);
      expect(active.map((a) => [kindOf.get(a.ruleId), a.subject, a.status, a.value]).sort()).toEqual([
        ['lag_above', `group:${group}`, 'firing', 25],
        ['no_members', `group:${group}`, 'pending', 25],
        ['stalled', `group:${group}`, 'firing', 25],
      ]);
      // The healthy cluster: no broker down, no under-replicated or offline partition, same controller.
      const quiet = overview.rules.filter((r) => ruleKinds[r.kind].scope === 'cluster');
      expect(quiet.map((r) => [r.kind, r.firing + r.pending]).sort()).toEqual([
        ['broker_down', 0],
        ['cluster_unreachable', 0],
        ['controller_changed', 0],
        ['offline_partitions', 0],
        ['under_replicated', 0],
      ]);
    }
  });

  it('delivers the generic webhook body, the Slack message and the e-mail', async () => {
    await deliverAll();
    for (const side of sides) {
      const hook = received
        .filter((r) => r.path === `/hook/${side.name}-token-1234`)
        .map((r) => r.body as WebhookBody);
      expect(hook.map((b) => b.rule.kind).sort()).toEqual(['lag_above', 'stalled']);
      const lag = hook.find((b) => b.rule.kind === 'lag_above')!;
      expect(lag).toEqual({
        rule: { id: expect.any(String), name: `Lag ${side.name} ${run}`, kind: 'lag_above' },
        state: 'firing',
        severity: 'critical',
        cluster: local.id,
        subject: `group:${group}`,
        value: 25,
        threshold: 20,
        detail: null,
        startedAt: new Date(T0).toISOString(),
        at: new Date(T0).toISOString(),
        url: `https://console.example/clusters/${local.id}/groups/${group}`,
      });
      const slack = received.filter((r) => r.path === `/slack/${side.name}-token-5678`);
      expect(slack).toHaveLength(1);
      expect(slack[0]!.body).toMatchObject({
        text: `[FIRING] critical · Lag ${side.name} ${run} · cluster ${local.id} · group:${group} — value 25 (threshold 20)`,
        blocks: [expect.objectContaining({ type: 'section' }), expect.objectContaining({ type: 'context' })],
      });
      const mail = await mine(`Lag ${side.name} ${run}`);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe(
        `[Kafkascope] FIRING: Lag ${side.name} ${run} on ${local.id} (group:${group})`,
      );
      expect(mail[0]!.to).toEqual(['oncall@example.com']);
      expect(mail[0]!.text).toContain('Value:     25');
      const history = await alertHistory(side.store, { limit: 50 });
      expect(
        history.events
          .find((e) => e.ruleName.startsWith('Lag'))!
          .deliveries.map((d) => [d.channel, d.status])
          .sort(),
      ).toEqual([
        ['hook', 'delivered'],
        ['mail', 'delivered'],
        ['slack', 'delivered'],
      ]);
    }
  });

  it('sends nothing twice after the store is closed and opened again (a restart)', async () => {
    const before = received.length;
    for (const side of sides) {
      await side.store.close();
      side.store = await openStore(side.settings);
    }
    // The same instant evaluated again (a second process, or a retry), then the next minute.
    for (const at of [T0, T0 + 60_000]) {
      const results = await evaluateAll(at, await sample(at));
      for (const r of results) expect(r).toMatchObject({ fired: 0, resolved: 0 });
    }
    await deliverAll();
    expect(received.length).toBe(before);
    for (const side of sides)
      expect(
        (await alertHistory(side.store, { limit: 50 })).events.filter((e) => e.state === 'firing'),
      ).toHaveLength(2);
  });

  it('no_members fires once its `for` has passed', async () => {
    const at = T0 + 120_000;
    const results = await evaluateAll(at, await sample(at));
    // Pending since T0 - 60 s; stalled stays (offsets frozen, lag above what it was when they froze).
    for (const r of results) expect(r).toMatchObject({ fired: 1, resolved: 0 });
    await deliverAll();
    for (const side of sides) {
      const hook = received
        .filter((r) => r.path === `/hook/${side.name}-token-1234`)
        .map((r) => r.body as WebhookBody);
      expect(hook.filter((b) => b.rule.kind === 'no_members').map((b) => b.state)).toEqual(['firing']);
      expect(hook.find((b) => b.rule.kind === 'no_members')!.detail).toBe('committed offsets, no members');
    }
  });

  it('resolves lag_above and stalled once the group has caught up, and notifies it', async () => {
    expect(await kcatConsume(group, topic, 25)).toHaveLength(25);
    const at = T0 + 180_000;
    const results = await evaluateAll(at, await sample(at));
    for (const r of results) expect(r).toMatchObject({ fired: 0, resolved: 2 });
    await deliverAll();
    for (const side of sides) {
      const hook = received
        .filter((r) => r.path === `/hook/${side.name}-token-1234`)
        .map((r) => r.body as WebhookBody);
      expect(hook.filter((b) => b.rule.kind === 'stalled').map((b) => b.state)).toEqual([
        'firing',
        'resolved',
      ]);
      const resolved = hook.find((b) => b.rule.kind === 'lag_above' && b.state === 'resolved')!;
      expect(resolved).toMatchObject({
        startedAt: new Date(T0).toISOString(),
        at: new Date(at).toISOString(),
      });
      expect((await mine(`RESOLVED: Lag ${side.name} ${run}`)).length).toBe(1);
      const overview = await alertsOverview(side.store, at);
      // The group is still without members: that alert stays.
      expect(
        overview.active.filter((a) => a.clusterId === local.id).map((a) => [a.ruleName, a.status]),
      ).toEqual([[`Empty ${side.name} ${run}`, 'firing']]);
    }
  });
});

describe('channel secrets', () => {
  it('are sealed in the store, and a shared store without a store secret refuses to keep one', async () => {
    for (const side of sides) {
      const rows = await side.store.db.selectFrom('alert_channels').select(['name', 'secret']).execute();
      expect(rows.map((r) => r.name).sort()).toEqual(['hook', 'mail', 'slack']);
      for (const row of rows.filter((r) => r.secret !== null)) {
        expect(row.secret).toMatch(/^ks1:/);
        expect(row.secret).not.toContain('token');
      }
      expect((await allChannels(side.store)).find((c) => c.name === 'hook')).toMatchObject({
        url: `http://127.0.0.1:${port}/hook/${side.name}-token-1234`,
      });
    }
    const saved = process.env.KAFKASCOPE_STORE_SECRET;
    delete process.env.KAFKASCOPE_STORE_SECRET;
    const url = await freshDatabase('alerts_nokey_test');
    const bare = await openStore({ kind: 'postgres', url });
    process.env.KAFKASCOPE_STORE_SECRET = saved;
    try {
      await expect(
        createChannel(bare, { name: 'hook', type: 'webhook', url: `http://127.0.0.1:${port}/x` }, 'it'),
      ).rejects.toThrow(/^url: .*KAFKASCOPE_STORE_SECRET/);
      expect(await bare.db.selectFrom('alert_channels').selectAll().execute()).toEqual([]);
    } finally {
      await bare.close();
      await dropDatabase('alerts_nokey_test').catch(() => undefined);
    }
  });
});

describe('cluster rules', () => {
  it('cluster_unreachable fires for a cluster that does not answer, and leaves the other states alone', async () => {
    const gone = {
      ...local,
      id: `gone-${run}`,
      bootstrapServers: ['127.0.0.1:1'],
      requestTimeoutMs: 2_000,
      connectionTimeoutMs: 500,
    };
    for (const side of sides) {
      const facts = await readFacts(side.store, gone, side.rules, new Error('sample failed'), T0);
      expect(facts.unreachable).toBeTruthy();
      expect(await evaluateCluster(side.store, side.rules, facts)).toMatchObject({ fired: 1 });
      const active = (await alertsOverview(side.store, T0)).active.filter((a) => a.clusterId === gone.id);
      expect(active.map((a) => [a.ruleName, a.subject])).toEqual([[`Reach ${side.name} ${run}`, 'cluster']]);
    }
  });
});
