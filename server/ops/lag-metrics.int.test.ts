import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { GET } from '@/app/api/metrics/route';
import { BOOTSTRAP, describeGroupWithKafkaTools, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, observeKafkaRequests } from '@/server/kafka';
import { lagMetricsText, sharedLagMetrics } from '@/server/ops/lag-metrics';
import { invalidate } from '@/server/services/cache';
import { stopSamplers } from '@/server/services/lag-history';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

const local = loadConfig({}).clusters[0]!;
const started = Date.now();
const run = started.toString(36);
const topic = `it-lagm-${run}`;
const group = `it-lagm-${run}`; // offsets committed by kafka-consumer-groups, no members
const live = `it-lagm-live-${run}`; // a kafkajs consumer, caught up
const kafka = new Kafka({ clientId: 'it-lagm', brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer();
let consumer: Consumer;
const all = { partitions: false, maxSeries: 1_000_000 };
const perPartition = { partitions: true, maxSeries: 1_000_000 };
// Records per partition, and where the group's committed offsets stand: lags 6, 5 and 30.
const produced = [10, 20, 30];
const committed = [4, 15, 0];

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

const of = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  await producer.connect();
  await createTopic(local, { name: topic, partitions: 3, replicationFactor: 2, configs: {} });
  for (const [partition, count] of produced.entries())
    await producer.send({
      topic,
      messages: Array.from({ length: count }, (_, i) => ({ value: `v${i}`, partition })),
    });
  // The group's offsets, committed by Kafka's own tool: an outside client, no member.
  const dir = mkdtempSync(path.join(tmpdir(), 'lagm-'));
  const csv = path.join(dir, 'offsets.csv');
  writeFileSync(csv, committed.map((offset, p) => `${topic},${p},${offset}`).join('\n') + '\n');
  await kafkaCli('kafka-consumer-groups', [
    '--bootstrap-server',
    BOOTSTRAP.split(',')[0]!,
    '--group',
    group,
    '--reset-offsets',
    '--from-file',
    csv,
    '--execute',
  ]);
  rmSync(dir, { recursive: true, force: true });
  consumer = kafka.consumer({ groupId: live, heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ autoCommitInterval: 100, eachMessage: async () => {} });
  await waitFor(async () => {
    const rows = await describeGroupWithKafkaTools(live);
    return rows.length === 3 && rows.every((r) => r.lag === 0 && r.consumerId !== null);
  }, 60_000);
});

afterAll(async () => {
  await consumer?.disconnect();
  await producer.disconnect();
  await deleteTopic(local, topic).catch(() => undefined);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([group, live]).catch(() => undefined);
  await admin.disconnect();
  stopSamplers();
  await disconnectAll();
});

describe('consumer-lag metrics against kafka-consumer-groups', () => {
  it('sum lag and topic sum lag are the lag Kafka’s tool prints; per group and topic only by default', async () => {
    invalidate(`${local.id}/`);
    const [text, theirs] = await Promise.all([
      lagMetricsText([local], all),
      describeGroupWithKafkaTools(group),
    ]);
    const samples = parse(text);
    expect(theirs.map((r) => r.lag)).toEqual([6, 5, 30]);
    const oracle = theirs.reduce((s, r) => s + r.lag!, 0);
    const labels = { cluster_name: 'local', group };
    expect(of(samples, 'kafka_consumergroup_group_sum_lag', labels).map((s) => s.value)).toEqual([oracle]);
    expect(of(samples, 'kafka_consumergroup_group_topic_sum_lag', labels)).toEqual([
      { name: 'kafka_consumergroup_group_topic_sum_lag', labels: { ...labels, topic }, value: oracle },
    ]);
    expect(of(samples, 'kafka_consumergroup_group_max_lag', labels)).toEqual([
      {
        name: 'kafka_consumergroup_group_max_lag',
        // Offsets committed with no membership: Kafka's simple consumer group.
        labels: { ...labels, is_simple_consumer: 'true' },
        value: Math.max(...theirs.map((r) => r.lag!)),
      },
    ]);
    // The lagging records were all produced during this test run.
    const [seconds] = of(samples, 'kafka_consumergroup_group_max_lag_seconds', labels);
    expect(seconds!.value).toBeGreaterThanOrEqual(0);
    expect(seconds!.value).toBeLessThan((Date.now() - started) / 1000);
    expect(of(samples, 'kafkascope_consumergroup_health', labels)).toEqual([
      expect.objectContaining({ labels: { ...labels, state: 'stopped' }, value: 1 }),
    ]);
    expect(of(samples, 'kafka_consumergroup_group_sum_lag', { group: live }).map((s) => s.value)).toEqual([
      0,
    ]);
    expect(
      of(samples, 'kafka_consumergroup_group_max_lag_seconds', { group: live }).map((s) => s.value),
    ).toEqual([0]);
    expect(of(samples, 'kafkascope_consumergroup_health', { group: live })[0]!.labels.state).toBe(
      'caught_up',
    );
    // No per-partition series unless asked for.
    for (const name of [
      'kafka_consumergroup_group_offset',
      'kafka_consumergroup_group_lag',
      'kafka_consumergroup_group_lag_seconds',
      'kafka_partition_latest_offset',
      'kafka_partition_earliest_offset',
    ])
      expect(of(samples, name), name).toEqual([]);
    expect(of(samples, 'kafkascope_consumergroup_lag_up')).toEqual([
      expect.objectContaining({ labels: { cluster_name: 'local' }, value: 1 }),
    ]);
    expect(of(samples, 'kafkascope_metrics_lag_series_dropped')[0]!.value).toBe(0);
  });

  it('per partition when enabled: offsets, lag, time lag and watermarks as the tool prints them, members named', async () => {
    const [text, theirs, theirsLive] = await Promise.all([
      lagMetricsText([local], perPartition),
      describeGroupWithKafkaTools(group),
      describeGroupWithKafkaTools(live),
    ]);
    const samples = parse(text);
    const rows = (name: string, g: string) =>
      of(samples, name, { group: g, topic })
        .map((s) => ({ partition: Number(s.labels.partition), value: s.value, labels: s.labels }))
        .sort((a, b) => a.partition - b.partition);
    expect(rows('kafka_consumergroup_group_offset', group).map((r) => r.value)).toEqual(
      theirs.map((r) => r.committed),
    );
    expect(rows('kafka_consumergroup_group_lag', group).map((r) => r.value)).toEqual(
      theirs.map((r) => r.lag),
    );
    const lagSeconds = rows('kafka_consumergroup_group_lag_seconds', group);
    expect(lagSeconds.map((r) => r.partition)).toEqual([0, 1, 2]);
    for (const r of lagSeconds) expect(r.value).toBeLessThan((Date.now() - started) / 1000);
    // A group without members: kafka-lag-exporter's "unknown" member labels.
    expect(lagSeconds[0]!.labels).toMatchObject({
      member_host: 'unknown',
      consumer_id: 'unknown',
      client_id: 'unknown',
    });
    const owned = rows('kafka_consumergroup_group_lag', live);
    expect(owned.map((r) => r.value)).toEqual([0, 0, 0]);
    for (const r of owned) {
      expect(r.labels.consumer_id).toBe(theirsLive.find((t) => t.partition === r.partition)!.consumerId);
      expect(r.labels.client_id).toBe('it-lagm');
      expect(r.labels.member_host).not.toBe('unknown');
    }
    // Watermarks once per partition, however many groups read it.
    const latest = of(samples, 'kafka_partition_latest_offset', { topic });
    expect(latest.map((s) => [s.labels.partition, s.value]).sort()).toEqual(
      theirs.map((r) => [String(r.partition), r.logEnd]),
    );
    expect(of(samples, 'kafka_partition_earliest_offset', { topic }).map((s) => s.value)).toEqual([0, 0, 0]);
    // The sums are the same with or without the partitions.
    expect(of(samples, 'kafka_consumergroup_group_sum_lag', { group })[0]!.value).toBe(41);
  });

  it('a scrape costs requests by brokers and coordinators, not groups, and leaves nothing refreshing behind', async () => {
    invalidate(`${local.id}/`);
    const apis: string[] = [];
    const count = (api: string) => apis.filter((a) => a === api).length;
    observeKafkaRequests({
      // The console's own requests, not those of this test's consumer ('unknown').
      start: ({ cluster, api }) => {
        if (cluster === local.id) apis.push(api);
        return () => undefined;
      },
    });
    try {
      await lagMetricsText([local], perPartition);
      // 3 brokers, each a coordinator and a leader: one ListGroups and one OffsetFetch per broker
      // (500 groups a request), two ListOffsets per leader, one DescribeGroups per coordinator and
      // protocol, one Fetch per leader and round of time lags.
      expect(count('ListGroups')).toBeLessThanOrEqual(3);
      expect(count('ListOffsets')).toBeLessThanOrEqual(6);
      expect(count('DescribeGroups') + count('ConsumerGroupDescribe')).toBeLessThanOrEqual(6);
      expect(count('Fetch')).toBeLessThanOrEqual(3 * 4);
      apis.length = 0;
      // The group snapshot is refreshed every 5 s only while pages read it: not for a scrape.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(apis).toEqual([]);
    } finally {
      observeKafkaRequests({ start: () => () => undefined });
    }
  });

  it('concurrent scrapes share one read, and its answer for a few seconds', async () => {
    invalidate(`${local.id}/`);
    let listGroups = 0;
    observeKafkaRequests({
      start: ({ cluster, api }) => {
        if (cluster === local.id && api === 'ListGroups') listGroups += 1;
        return () => undefined;
      },
    });
    try {
      const [a, b] = await Promise.all([sharedLagMetrics([local], all), sharedLagMetrics([local], all)]);
      expect(b).toBe(a);
      expect(await sharedLagMetrics([local], all)).toBe(a);
      expect(listGroups).toBeLessThanOrEqual(3); // one per broker, once
      expect(parse(a).some((s) => s.labels.group === group)).toBe(true);
    } finally {
      observeKafkaRequests({ start: () => () => undefined });
    }
  });

  it('GET /api/metrics serves the lag beside the other metrics, per group by default', async () => {
    // The auth settings must be valid for any request, a public one too.
    (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
    vi.stubEnv('KAFKASCOPE_AUTH', 'none');
    onTestFinished(() => {
      vi.unstubAllEnvs();
      (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
    });
    const response = await GET(new NextRequest('http://console.local/api/metrics'), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('kafkascope_build_info');
    const samples = parse(text);
    expect(of(samples, 'kafka_consumergroup_group_sum_lag', { cluster_name: 'local', group })[0]!.value).toBe(
      41,
    );
    expect(of(samples, 'kafka_consumergroup_group_lag', { group })).toEqual([]);
  });

  it('a cluster that does not answer costs its time-out at most; the others are exported all the same', async () => {
    // A port that accepts connections and never answers: Kafka requests hang until their time-out.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const [, mute] = loadConfig({
      KAFKA_CLUSTERS_0_ID: 'local',
      KAFKA_CLUSTERS_0_NAME: 'Local',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: BOOTSTRAP,
      KAFKA_CLUSTERS_1_ID: 'mute',
      KAFKA_CLUSTERS_1_NAME: 'Mute',
      KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: `127.0.0.1:${port}`,
      KAFKA_CLUSTERS_1_REQUEST_TIMEOUT_MS: '1500',
      KAFKA_CLUSTERS_1_CONNECTION_TIMEOUT_MS: '1000',
    }).clusters;
    try {
      const begun = Date.now();
      const samples = parse(await lagMetricsText([local, mute!], all));
      expect(Date.now() - begun).toBeLessThan(1_500 + 2_000);
      expect(
        of(samples, 'kafkascope_consumergroup_lag_up').map((s) => [s.labels.cluster_name, s.value]),
      ).toEqual([
        ['local', 1],
        ['mute', 0],
      ]);
      expect(
        of(samples, 'kafkascope_consumergroup_scrape_errors_total', { cluster_name: 'mute' })[0]!.value,
      ).toBe(1);
      expect(of(samples, 'kafka_consumergroup_group_sum_lag', { cluster_name: 'mute' })).toEqual([]);
      expect(
        of(samples, 'kafka_consumergroup_group_sum_lag', { cluster_name: 'local', group })[0]!.value,
      ).toBe(41);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it('past the budget, groups are left out from the end of the order, and the gauges say how many', async () => {
    const full = parse(await lagMetricsText([local], all));
    const groups = of(full, 'kafkascope_consumergroup_health').map((s) => s.labels.group!);
    const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(groups).toEqual(sorted(groups));
    // A budget the groups before ours fill: ours is left out, with every group after it.
    const before = groups.slice(0, groups.indexOf(group));
    const budget = full.filter((s) => before.includes(s.labels.group!)).length;
    const cut = parse(await lagMetricsText([local], { partitions: false, maxSeries: Math.max(1, budget) }));
    const left = of(cut, 'kafkascope_consumergroup_health').map((s) => s.labels.group!);
    expect(left).toEqual(sorted(left));
    expect(left).not.toContain(group);
    expect(left.every((g) => g < group)).toBe(true);
    expect(of(cut, 'kafkascope_metrics_lag_groups_dropped')[0]!.value).toBeGreaterThanOrEqual(1);
    // Ours alone can export 5 series (health, sum, max, max seconds, one topic).
    expect(of(cut, 'kafkascope_metrics_lag_series_dropped')[0]!.value).toBeGreaterThanOrEqual(5);
  });
});
