import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, describeGroupWithKafkaTools, kcatConsume } from '@/dev/kafka/local-cluster';
import { LagHistoryQuerySchema } from '@/lib/schemas/lag-history';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, withRequestCount } from '@/server/kafka';
import { closeStore, getStore } from '@/server/store';
import { writeSamples } from '@/server/store/lag-store';
import { invalidate } from '@/server/services/cache';
import { getGroup } from '@/server/services/groups';
import { getLagSeries } from '@/server/services/lag-charts';
import { sampleCluster } from '@/server/services/lag-sampler';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

const local = loadConfig({}).clusters[0]!;
const run = Date.now().toString(36);
const topics = [`it-sample-a-${run}`, `it-sample-b-${run}`];
const group = `it-sampled-${run}`;
const kafka = new Kafka({
  clientId: 'it-sampler',
  brokers: BOOTSTRAP.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer();
const dataDir = mkdtempSync(path.join(tmpdir(), 'kafkascope-sampler-'));

async function produce(topic: string, count: number) {
  await producer.send({
    topic,
    messages: Array.from({ length: count }, (_, i) => ({ value: `v${i}`, partition: i % 2 })),
  });
}

beforeAll(async () => {
  process.env.KAFKASCOPE_DATA_DIR = dataDir;
  await producer.connect();
  for (const t of topics)
    await createTopic(local, {
      name: t,
      partitions: 2,
      replicationFactor: 1,
      // The first topic deletes by time after an hour: a stopped group loses data when its oldest
      // unread record is an hour old.
      configs: t === topics[0] ? { 'retention.ms': '3600000' } : {},
    });
  for (const t of topics) await produce(t, 20);
  // kcat's group consumes 20 of each topic's records, then 9 and 5 more arrive behind it.
  expect(await kcatConsume(group, topics, 40)).toHaveLength(40);
  await produce(topics[0]!, 9);
  await produce(topics[1]!, 5);
});

afterAll(async () => {
  await producer.disconnect();
  for (const t of topics) await deleteTopic(local, t).catch(() => undefined);
  await kafka
    .admin()
    .deleteGroups([group])
    .catch(() => undefined);
  await closeStore();
  rmSync(dataDir, { recursive: true, force: true });
  await disconnectAll();
});

describe('lag sampling into the store', () => {
  it('takes a point per group, per topic and (for an opened group) per partition, as kafka-consumer-groups reports', async () => {
    invalidate(`${local.id}/`);
    const { result: samples, kafkaRequests } = await withRequestCount(() =>
      sampleCluster(local, 'all', new Set([group])),
    );
    const mine = samples.filter((s) => s.groupId === group);
    const cli = await describeGroupWithKafkaTools(group);
    const lagOf = (topic?: string, partition?: number) =>
      cli
        .filter(
          (p) => (!topic || p.topic === topic) && (partition === undefined || p.partition === partition),
        )
        .reduce((s, p) => s + p.lag!, 0);
    expect(mine.find((s) => s.topic === '')).toMatchObject({ partition: -1, lag: lagOf() });
    expect(lagOf()).toBe(14);
    for (const t of topics) {
      expect(mine.find((s) => s.topic === t && s.partition === -1)?.lag).toBe(lagOf(t));
      for (const p of [0, 1])
        expect(mine.find((s) => s.topic === t && s.partition === p)?.lag).toBe(lagOf(t, p));
    }
    // The next unconsumed record was written just now: its age is seconds, not unknown.
    const whole = mine.find((s) => s.topic === '')!;
    expect(whole.timeLagMs).not.toBeNull();
    expect(whole.timeLagMs!).toBeLessThan(120_000);
    // A sample costs requests per broker and coordinator, whatever the number of groups.
    expect(kafkaRequests).toBeLessThan(40);
  });

  it('serves what it wrote as chart series, and refuses a malformed series name', async () => {
    const samples = await sampleCluster(local, new Set([group]), new Set());
    expect(samples.every((s) => s.groupId === group)).toBe(true);
    expect(samples.some((s) => s.partition >= 0)).toBe(false);
    const store = await getStore();
    expect(await writeSamples(store, local.id, samples)).toBe(samples.length);
    const query = LagHistoryQuerySchema.parse({
      series: [`::${group}`, `${topics[1]}::${group}`, `nope::x`],
    });
    const answer = await getLagSeries(local, query);
    expect(answer.series.map((s) => s.points.length)).toEqual([1, 1, 0]);
    expect(answer.series[0]!.points[0]).toMatchObject({ lag: 14, lagMin: 14, lagMax: 14 });
    expect(answer.series[1]!.points[0]!.lag).toBe(5);
    expect(LagHistoryQuerySchema.safeParse({ series: ['orders:x:g'] }).success).toBe(false);
    expect(LagHistoryQuerySchema.safeParse({ series: [':3:g'] }).success).toBe(false);
    expect(LagHistoryQuerySchema.parse({ series: ['::a:b/c'] }).series[0]).toEqual({
      groupId: 'a:b/c',
      topic: '',
      partition: -1,
    });
  });

  it('forecasts a stopped group: never caught up, and data lost when its oldest unread record reaches retention.ms', async () => {
    // Two samples a minute apart with nothing consumed or produced in between: the rates are zero.
    const store = await getStore();
    const now = Date.now();
    const samples = await sampleCluster(local, new Set([group]), new Set([group]));
    await writeSamples(
      store,
      local.id,
      samples.map((s) => ({ ...s, t: now - 60_000 })),
    );
    await writeSamples(
      store,
      local.id,
      samples.map((s) => ({ ...s, t: now - 1_000 })),
    );
    invalidate(`${local.id}/`);
    const detail = await getGroup(local, group);
    expect(detail.forecast.catchUp.state).toBe('not_consuming');
    expect(detail.forecast.consumeRate).toBe(0);
    // The first topic's oldest unread record is seconds old: an hour's retention leaves it about an hour.
    const loss = detail.forecast.loss;
    expect(loss.state).toBe('at_risk');
    if (loss.state !== 'at_risk') return;
    expect(loss.by).toBe('time');
    const oldest = Math.max(
      ...detail.partitions.filter((p) => p.topic === topics[0]).map((p) => p.timeLagMs ?? 0),
    );
    expect(Math.abs(loss.inMs - (3_600_000 - oldest))).toBeLessThan(5_000);
    // The second topic keeps records for the broker's default (a week): its partitions lose later.
    for (const p of detail.partitions) {
      expect(p.forecast.catchUp.state).toBe('not_consuming');
      expect(p.forecast.loss.state).toBe('at_risk');
    }
    expect(detail.topicTotals.find((t) => t.topic === topics[0])?.maxTimeLagMs).toBe(oldest);
  });
});
