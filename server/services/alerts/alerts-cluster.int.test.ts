import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaCli, startNode, stopNode } from '@/dev/kafka/local-cluster';
import { RuleInputSchema, type RuleInput, type WebhookBody } from '@/lib/schemas/alerts';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { openStore, type Store } from '@/server/store';
import { invalidate } from '@/server/services/cache';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { deliverDue, type DeliverySettings } from '@/server/services/alerts/deliver';
import { allChannels, allRules, createChannel, createRule } from '@/server/services/alerts/definitions';
import { evaluateCluster, type RuleEntry } from '@/server/services/alerts/evaluate';
import { readFacts } from '@/server/services/alerts/facts';
import { alertsOverview } from '@/server/services/alerts/views';

/**
 * The cluster rules on the real cluster: one of its three nodes stopped and started again. While it is
 * down, broker_down names it, the partitions it held a copy of are under-replicated, the partition
 * whose only copy it held is offline, and if it led the KRaft quorum the controller moves. Each fires
 * once at a webhook receiver this test runs and resolves once the node is back.
 */

const local = loadConfig({}).clusters[0]!;
const run = Date.now().toString(36);
// Not node 1: it is the first bootstrap server of every client in the tests.
const DOWN = 3;
const replicated = `it-alerts-urp-${run}`;
const single = `it-alerts-offline-${run}`;
const received: WebhookBody[] = [];
let receiver: http.Server;
let port = 0;
let dir = '';
let store: Store;
let rules: RuleEntry[] = [];
let stopped = false;
/** Partitions of the single-copy topic on the node that stops. */
let onDown = 0;

const settings = (): DeliverySettings => ({
  timeoutMs: 3_000,
  maxAttempts: 3,
  backoffMs: 10,
  webhookAllow: [`127.0.0.1:${port}`],
  publicUrl: 'https://console.example',
});

async function evaluateNow() {
  invalidate(`${local.id}/`);
  const facts = await readFacts(store, local, rules, [], Date.now());
  return evaluateCluster(store, rules, facts);
}

async function deliver() {
  for (let i = 0; i < 10; i++) {
    const r = await deliverDue(store, await allChannels(store), settings());
    if (r.delivered + r.retried + r.failed === 0) return;
  }
}

/** Evaluates every second until `done` holds of the active alerts of this cluster, at most `ms`. */
async function evaluateUntil(done: (kinds: string[]) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    await evaluateNow();
    const overview = await alertsOverview(store, Date.now());
    const kindOf = new Map(overview.rules.map((r) => [r.id, r.kind]));
    const firing = overview.active
      .filter((a) => a.clusterId === local.id && a.status === 'firing')
      .map((a) => kindOf.get(a.ruleId)!)
      .sort();
    if (done(firing)) return firing;
    if (Date.now() > deadline) throw new Error(`still firing after ${ms} ms: ${firing.join(', ')}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Node ids of the KRaft quorum's leader, as Kafka's own tool reports it. */
async function quorumLeader(): Promise<number> {
  const out = await kafkaCli('kafka-metadata-quorum', [
    '--bootstrap-server',
    local.bootstrapServers[0]!,
    'describe',
    '--status',
  ]);
  return Number(/LeaderId:\s+(\d+)/.exec(out)![1]);
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push(JSON.parse(data) as WebhookBody);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  process.env.KAFKASCOPE_ALERTS_WEBHOOK_ALLOW = `127.0.0.1:${port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-alerts-cluster-'));
  store = await openStore({ kind: 'embedded', dataDir: dir });
  await createChannel(store, { name: 'hook', type: 'webhook', url: `http://127.0.0.1:${port}/hook` }, 'it');
  const cluster: Omit<RuleInput, 'name' | 'kind'> = { clusters: [local.id], channels: ['hook'] };
  for (const [name, kind, topics] of [
    ['Brokers', 'broker_down', undefined],
    ['URP', 'under_replicated', replicated],
    ['Offline', 'offline_partitions', single],
    ['Controller', 'controller_changed', undefined],
  ] as const)
    await createRule(
      store,
      RuleInputSchema.parse({ ...cluster, name: `${name} ${run}`, kind, topics }),
      'it',
    );
  rules = await allRules(store);
  await createTopic(local, { name: replicated, partitions: 3, replicationFactor: 3, configs: {} });
  // One copy of each partition, spread over the three nodes: those on the stopped node go offline.
  await createTopic(local, { name: single, partitions: 3, replicationFactor: 1, configs: {} });
  const described = await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    local.bootstrapServers[0]!,
    '--describe',
    '--topic',
    single,
  ]);
  onDown = [...described.matchAll(/Partition: \d+\s+Leader: (\d+)/g)].filter(
    (m) => Number(m[1]) === DOWN,
  ).length;
}, 60_000);

afterAll(async () => {
  if (stopped) await startNode(DOWN);
  await deleteTopic(local, replicated).catch(() => undefined);
  await deleteTopic(local, single).catch(() => undefined);
  await store?.close();
  await new Promise((r) => receiver.close(r));
  rmSync(dir, { recursive: true, force: true });
  await disconnectAll();
}, 180_000);

describe('a broker stopped and started again', () => {
  it('fires broker_down, under_replicated and offline_partitions while it is down, once each', async () => {
    expect(await evaluateUntil((k) => k.length === 0, 30_000)).toEqual([]);
    const leaderBefore = await quorumLeader();
    stopped = true;
    await stopNode(DOWN);
    const firing = await evaluateUntil(
      (k) => k.includes('broker_down') && k.includes('offline_partitions') && k.includes('under_replicated'),
      60_000,
    );
    // The quorum's leader moves only when the stopped node led it.
    if (leaderBefore === DOWN) {
      expect(await quorumLeader()).not.toBe(DOWN);
      expect(firing).toContain('controller_changed');
    }
    await evaluateNow(); // a second evaluation of the same state sends nothing new
    await deliver();
    const byKind = (kind: string) => received.filter((b) => b.rule.kind === kind);
    expect(byKind('broker_down')).toHaveLength(1);
    expect(byKind('broker_down')[0]).toMatchObject({
      state: 'firing',
      cluster: local.id,
      subject: 'cluster',
      value: 2,
      threshold: 3,
      detail: `broker ${DOWN} down`,
    });
    expect(byKind('offline_partitions')).toHaveLength(1);
    expect(onDown).toBeGreaterThan(0);
    expect(byKind('offline_partitions')[0]).toMatchObject({ state: 'firing', value: onDown });
    expect(byKind('under_replicated')).toHaveLength(1);
    // Every partition of the replicated topic had a copy on the stopped node.
    expect(byKind('under_replicated')[0]).toMatchObject({ state: 'firing', value: 3 });
    // What Kafka's own tool says of the same topics.
    const urp = await kafkaCli('kafka-topics', [
      '--bootstrap-server',
      local.bootstrapServers[0]!,
      '--describe',
      '--under-replicated-partitions',
      '--topic',
      replicated,
    ]);
    expect(urp.trim().split('\n').filter(Boolean)).toHaveLength(3);
  }, 120_000);

  it('resolves them once the node is back, and notifies each resolution', async () => {
    await startNode(DOWN);
    stopped = false;
    await evaluateUntil((k) => !k.some((x) => x !== 'controller_changed'), 60_000);
    await deliver();
    for (const kind of ['broker_down', 'offline_partitions', 'under_replicated'])
      expect(received.filter((b) => b.rule.kind === kind).map((b) => b.state)).toEqual([
        'firing',
        'resolved',
      ]);
  }, 180_000);
});
