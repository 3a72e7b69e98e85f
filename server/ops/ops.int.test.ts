import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { metrics } from '@/server/ops/metrics';
import { listBrokers } from '@/server/services/brokers';
import { checkReadiness, READY_TIMEOUT_MS } from '@/server/services/clusters';
import { browseMessages, produce } from '@/server/services/messages';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { BOOTSTRAP } from '@/dev/kafka/local-cluster';

// The local cluster plus one whose only bootstrap address is a port nobody listens on.
const [local, gone] = loadConfig({
  KAFKA_CLUSTERS_0_NAME: 'Local',
  KAFKA_CLUSTERS_0_ID: 'local',
  KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: BOOTSTRAP,
  KAFKA_CLUSTERS_1_NAME: 'Gone',
  KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: '127.0.0.1:1',
}).clusters as [
  ReturnType<typeof loadConfig>['clusters'][number],
  ReturnType<typeof loadConfig>['clusters'][number],
];
const topic = `it-ops-${Date.now().toString(36)}`;

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

/** Sample values of one metric, as a scrape would see them. */
async function samples(name: string) {
  const metric = (await metrics().registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []) as {
    labels: Record<string, string | number>;
    value: number;
    metricName?: string;
  }[];
}
const counts = async (name: string) => (await samples(name)).filter((s) => s.metricName === `${name}_count`);

describe('readiness', () => {
  it('reports the local cluster up and an unreachable one down, within the bound', async () => {
    const started = Date.now();
    const readiness = await checkReadiness([local, gone]);
    expect(Date.now() - started).toBeLessThan(READY_TIMEOUT_MS + 1_000);
    expect(readiness.status).toBe('degraded');
    expect(readiness.clusters).toEqual([
      expect.objectContaining({ id: 'local', status: 'up', brokers: 3, error: null }),
      expect.objectContaining({ id: 'gone', status: 'down', brokers: null, error: expect.any(String) }),
    ]);
    expect(readiness.clusters[1]!.error!.length).toBeLessThanOrEqual(200);
    expect(await samples('kafkascope_cluster_up')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { cluster: 'local' }, value: 1 }),
        expect.objectContaining({ labels: { cluster: 'gone' }, value: 0 }),
      ]),
    );
  });

  it('is ok when every cluster answers', async () => {
    expect(await checkReadiness([local])).toMatchObject({ status: 'ok' });
  });
});

describe('Kafka request metrics', () => {
  it('time kafkajs requests, our own protocol requests and the group-less Fetch, by cluster and API', async () => {
    await createTopic(local, { name: topic, partitions: 2, replicationFactor: 1, configs: {} });
    await produce(local, topic, {
      partition: 0,
      key: null,
      value: 'hello',
      valueFormat: 'text',
      headers: [],
      compression: 'none',
      acks: -1,
      count: 3,
    });
    await listBrokers(local); // DescribeLogDirs per broker: one of our own protocol requests
    await browseMessages(local, topic, { start: 'oldest', limit: 10, maxBytes: 1024 }); // plain Fetch
    const apis = new Set(
      (await counts('kafkascope_kafka_request_duration_seconds'))
        .filter((s) => s.labels.cluster === 'local' && s.value > 0)
        .map((s) => s.labels.api),
    );
    for (const api of [
      'Metadata',
      'CreateTopics',
      'DescribeLogDirs',
      'DescribeQuorum',
      'ListOffsets',
      'Fetch',
    ]) {
      expect(apis, api).toContain(api);
    }
    // Nothing goes unlabelled: every connection belongs to a configured cluster.
    expect(
      (await counts('kafkascope_kafka_request_duration_seconds')).map((s) => s.labels.cluster),
    ).not.toContain('unknown');
  });

  it('count a request Kafka answers with an error', async () => {
    const errors = async () =>
      (await samples('kafkascope_kafka_request_errors_total')).find(
        (s) => s.labels.cluster === 'local' && s.labels.api === 'CreateTopics',
      )?.value ?? 0;
    const before = await errors();
    // Creating it again: the broker answers TOPIC_ALREADY_EXISTS.
    await expect(
      createTopic(local, { name: topic, partitions: 2, replicationFactor: 1, configs: {} }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await errors()).toBe(before + 1);
  });
});
