import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROKER_PORTS, startNode, stopNode } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, kafka } from '@/server/kafka';
import { listBrokers } from '@/server/services/brokers';
import { checkReadiness } from '@/server/services/clusters';
import { getOverview } from '@/server/services/overview';
import { invalidateCluster } from '@/server/services/snapshot';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { getTopic, listTopics } from '@/server/services/topics';
import { devScramRefusals } from '@/test/dev-scram';

const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 8_000 };
const topic = `it-down-${Date.now().toString(36)}`;
const DOWN = 2;

async function eventually<T>(
  fn: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    invalidateCluster(local);
    const value = await fn().catch(() => undefined);
    if (value !== undefined && check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Runs `fn` and fails if it takes longer than the cluster's request time-out (plus slack). */
async function timed<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await fn();
  expect(Date.now() - started).toBeLessThan(local.requestTimeoutMs + 1_000);
  return value;
}

beforeAll(async () => {
  await createTopic(local, { name: topic, partitions: 6, replicationFactor: 3, configs: {} });
});

afterAll(async () => {
  await startNode(DOWN).catch(() => undefined);
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

describe(`with broker ${DOWN} stopped`, () => {
  it('the overview shows it down and under-replicated partitions; pages still answer; all is well after restart', async () => {
    // SCRAM users deleted before the node stops: once it is back it must still know the others, the
    // dev user among them (see metadata.log.max.snapshot.interval.ms in dev/kafka/cluster.sh).
    const gone = Array.from({ length: 8 }, (_, i) => `${topic}-user-${i}`);
    const mechanism = 'SCRAM-SHA-256' as const;
    await kafka(local).alterScramUsers(
      gone.map((user) => ({ op: 'upsert', user, mechanism, iterations: 4096, password: `pw-${user}` })),
    );
    await kafka(local).alterScramUsers(gone.map((user) => ({ op: 'delete', user, mechanism })));
    await stopNode(DOWN);

    const overview = await eventually(
      () => timed(() => getOverview(local)),
      (o) => o.brokersOnline === 2 && o.underReplicatedPartitions > 0,
    );
    expect(overview).toMatchObject({ brokersTotal: 3, offlineBrokerIds: [DOWN], status: 'degraded' });
    expect(overview.problems).toContain(`Broker ${DOWN} down`);

    const brokers = await timed(() => listBrokers(local));
    expect(brokers.brokers.find((b) => b.id === DOWN)).toMatchObject({
      online: false,
      host: '127.0.0.1',
      port: BROKER_PORTS[DOWN - 1],
    });
    expect(brokers.brokers.filter((b) => b.online)).toHaveLength(2);

    const detail = await timed(() => getTopic(local, topic));
    expect(detail.underReplicated).toBe(6);
    for (const p of detail.partitionDetails) {
      expect(p.isr).not.toContain(DOWN);
      expect(p.leader).not.toBe(DOWN);
      expect(p.highWatermark).not.toBeNull();
    }
    const list = await timed(() =>
      listTopics(local, { q: topic, internal: 'hide', sort: 'name', dir: 'asc', page: 1, pageSize: 10 }),
    );
    expect(list.items[0]).toMatchObject({ name: topic, underReplicated: 6 });

    const health = await timed(() => checkReadiness());
    expect(health.clusters[0]).toMatchObject({ status: 'up', brokers: 2 });

    await startNode(DOWN);
    const healed = await eventually(
      () => getOverview(local),
      (o) => o.brokersOnline === 3 && o.underReplicatedPartitions === 0,
      90_000,
    );
    expect(healed).toMatchObject({ kafkaStatus: 'healthy', offlineBrokerIds: [] });
    // Kafka's own client logs in as the dev user on every node, the restarted one included, with both mechanisms.
    expect(await devScramRefusals()).toEqual([]);
  }, 180_000);
});
