import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { AlterConfigsSchema, CreateTopicSchema } from '@/lib/schemas/topic';
import { parseBody } from '@/server/http/parse';
import { disconnectAll } from '@/server/kafka';
import { getBroker, listBrokers } from '@/server/services/brokers';
import { getOverview } from '@/server/services/overview';
import { invalidateCluster } from '@/server/services/snapshot';
import {
  addPartitions,
  alterTopicConfigs,
  createTopic,
  deleteTopic,
  getTopicConfigs,
  purgeTopic,
} from '@/server/services/topic-admin';
import { getTopic, listTopics } from '@/server/services/topics';

const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const run = Date.now().toString(36);
const topic = `it-topics-${run}`;
const kafka = new Kafka({ clientId: 'it-topics', brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer();

const listQuery = { q: '', internal: 'hide', sort: 'name', dir: 'asc', page: 1, pageSize: 50 } as const;

/** Kafka's own view of a topic's partitions. */
async function describeWithKafkaTools(name: string) {
  const out = await kafkaCli('kafka-topics', [
    '--bootstrap-server',
    bootstrap,
    '--describe',
    '--topic',
    name,
  ]);
  return [
    ...out.matchAll(/Partition: (\d+)\s+Leader: (-?\d+|none)\s+Replicas: ([\d,]+)\s+Isr: ([\d,]*)/g),
  ].map(([, partition, leader, replicas, isr]) => ({
    partition: Number(partition),
    leader: leader === 'none' || leader === '-1' ? null : Number(leader),
    replicas: replicas!.split(',').map(Number),
    isr: isr ? isr.split(',').map(Number) : [],
  }));
}

async function offsetsWithKafkaTools(name: string, time: '-1' | '-2') {
  const out = await kafkaCli('kafka-get-offsets', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    name,
    '--time',
    time,
  ]);
  return new Map([...out.matchAll(/^.+:(\d+):(\d+)$/gm)].map(([, p, o]) => [Number(p), Number(o)]));
}

beforeAll(async () => {
  await producer.connect();
  // Looking up a group coordinator makes Kafka create __consumer_offsets, the internal topic listed below.
  const admin = kafka.admin();
  await admin.connect();
  await admin.fetchOffsets({ groupId: `it-topics-${run}`, topics: [] }).catch(() => undefined);
  await admin.disconnect();
  await createTopic(local, {
    name: topic,
    partitions: 6,
    replicationFactor: 3,
    configs: { 'retention.ms': '3600000' },
  });
  // Uneven partitions, so a mix-up between partitions would show.
  for (let p = 0; p < 6; p++) {
    await producer.send({
      topic,
      messages: Array.from({ length: p * 10 + 1 }, (_, i) => ({ partition: p, value: `m${i}` })),
    });
  }
});

afterAll(async () => {
  await producer.disconnect();
  await deleteTopic(local, topic).catch(() => undefined);
  await disconnectAll();
});

describe('topics against Kafka’s own tools', () => {
  it('partitions, leaders, replicas and ISR match kafka-topics --describe', async () => {
    const [ours, theirs] = await Promise.all([getTopic(local, topic), describeWithKafkaTools(topic)]);
    expect(theirs).toHaveLength(6);
    expect(
      ours.partitionDetails.map(({ partition, leader, replicas, isr }) => ({
        partition,
        leader,
        replicas,
        isr,
      })),
    ).toEqual(theirs);
    expect(ours).toMatchObject({
      partitions: 6,
      replicationFactor: 3,
      underReplicated: 0,
      offlinePartitions: 0,
    });
  });

  it('low and high watermarks and message counts match kafka-get-offsets', async () => {
    const [ours, highs, lows] = await Promise.all([
      getTopic(local, topic),
      offsetsWithKafkaTools(topic, '-1'),
      offsetsWithKafkaTools(topic, '-2'),
    ]);
    for (const p of ours.partitionDetails) {
      expect(p.highWatermark).toBe(highs.get(p.partition));
      expect(p.lowWatermark).toBe(lows.get(p.partition));
      expect(p.messages).toBe(p.partition * 10 + 1);
    }
    expect(ours.messages).toBe(6 + 10 * (0 + 1 + 2 + 3 + 4 + 5));
  });

  it('the list finds the topic by search, with counts, and pages and sorts', async () => {
    invalidateCluster(local);
    const found = await listTopics(local, { ...listQuery, q: `topics-${run}` });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ name: topic, partitions: 6, replicationFactor: 3, messages: 156 });
    expect(found.items[0]!.sizeBytes).toBeGreaterThan(0);

    const all = await listTopics(local, { ...listQuery, pageSize: 10 });
    const names = (
      await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list', '--exclude-internal'])
    )
      .split('\n')
      .filter(Boolean);
    expect(all.total).toBe(names.length);
    const page2 = await listTopics(local, { ...listQuery, pageSize: 10, page: 2 });
    expect(page2.items.map((t) => t.name)).toEqual([...names].sort().slice(10, 20));

    const internal = await listTopics(local, { ...listQuery, internal: 'show', q: '__consumer_offsets' });
    expect(internal.items).toEqual([expect.objectContaining({ name: '__consumer_offsets', internal: true })]);

    const bySize = await listTopics(local, { ...listQuery, sort: 'messages', dir: 'desc', pageSize: 500 });
    const counts = bySize.items.map((t) => t.messages ?? -1);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('topic administration', () => {
  it('refuses bad input with clear 4xx errors', async () => {
    await expect(
      createTopic(local, { name: topic, partitions: 1, replicationFactor: 1, configs: {} }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already exists'),
    });
    await expect(
      createTopic(local, { name: `${topic}-rf`, partitions: 1, replicationFactor: 4, configs: {} }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('larger than the 3 broker'),
    });
    await expect(
      createTopic(local, {
        name: `${topic}-cfg`,
        partitions: 1,
        replicationFactor: 1,
        configs: { 'no.such.config': '1' },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: 'Unknown topic config: no.such.config' });
    await expect(addPartitions(local, topic, 3)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      alterTopicConfigs(local, topic, { set: { 'no.such.config': '1' }, reset: [] }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(getTopic(local, `${topic}-missing`)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses malformed config input as a whole: nothing half-applied, no topic half-made', async () => {
    const configsOf = () =>
      kafkaCli('kafka-configs', [
        '--bootstrap-server',
        bootstrap,
        '--describe',
        '--entity-type',
        'topics',
        '--entity-name',
        topic,
      ]);
    // What the route does: parse the JSON body with the route's schema, then call the service.
    const viaRoute = async <T>(
      body: string,
      schema: Parameters<typeof parseBody>[1],
      fn: (b: T) => unknown,
    ) =>
      fn(
        (await parseBody(
          new Request('http://console.local/api', {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          }),
          schema,
        )) as T,
      );

    await expect(
      alterTopicConfigs(local, topic, {
        set: { 'cleanup.policy': 'compact' },
        reset: ['no.such.config'],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: 'Unknown topic config: no.such.config' });
    await expect(
      viaRoute(JSON.stringify({ set: { 'retention.ms': '9'.repeat(40_000) } }), AlterConfigsSchema, (b) =>
        alterTopicConfigs(local, topic, b as never),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('32,767 bytes') });
    const after = await configsOf();
    expect(after).not.toContain('cleanup.policy=compact');
    expect(after).toContain('retention.ms=3600000');

    const name = `${topic}-proto`;
    await expect(
      viaRoute(
        JSON.stringify({ name, partitions: 1, replicationFactor: 1 }).replace(
          /}$/,
          ',"configs":{"__proto__":"x","retention.ms":"1000"}}',
        ),
        CreateTopicSchema,
        (b) => createTopic(local, b as never),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('__proto__') });
    const listed = await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list']);
    expect(listed.split('\n')).not.toContain(name);
  });

  it('edits configs incrementally: the other overrides stay', async () => {
    const after = await alterTopicConfigs(local, topic, {
      set: { 'cleanup.policy': 'compact' },
      reset: [],
    });
    const byName = new Map(after.configs.map((c) => [c.name, c]));
    expect(byName.get('cleanup.policy')).toMatchObject({
      value: 'compact',
      source: 'topic',
      isDefault: false,
    });
    expect(byName.get('retention.ms')).toMatchObject({ value: '3600000', source: 'topic' });
    const oracle = await kafkaCli('kafka-configs', [
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--entity-type',
      'topics',
      '--entity-name',
      topic,
    ]);
    expect(oracle).toContain('cleanup.policy=compact');
    expect(oracle).toContain('retention.ms=3600000');

    const reset = await alterTopicConfigs(local, topic, { set: {}, reset: ['cleanup.policy'] });
    expect(reset.configs.find((c) => c.name === 'cleanup.policy')).toMatchObject({
      value: 'delete',
      isDefault: true,
    });
    expect((await getTopicConfigs(local, topic)).configs.find((c) => c.name === 'retention.ms')?.value).toBe(
      '3600000',
    );
  });

  it('grows the topic, then purges one partition up to an offset and the rest entirely', async () => {
    const grown = await addPartitions(local, topic, 8);
    expect(grown.partitions).toBe(8);
    expect(await describeWithKafkaTools(topic)).toHaveLength(8);

    const partial = await purgeTopic(local, topic, { partitions: [{ partition: 5, offset: 20 }] });
    expect(partial.partitions).toEqual([{ partition: 5, lowWatermark: 20 }]);
    await purgeTopic(local, topic, {});
    const [lows, highs] = await Promise.all([
      offsetsWithKafkaTools(topic, '-2'),
      offsetsWithKafkaTools(topic, '-1'),
    ]);
    for (let p = 0; p < 8; p++) expect(lows.get(p)).toBe(highs.get(p));
    expect((await getTopic(local, topic)).messages).toBe(0);
    await expect(
      purgeTopic(local, topic, { partitions: [{ partition: 99, offset: 1 }] }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('deletes the topic', async () => {
    const name = `${topic}-delete`;
    await createTopic(local, { name, partitions: 2, replicationFactor: 2, configs: {} });
    await deleteTopic(local, name);
    const listed = await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--list']);
    expect(listed.split('\n')).not.toContain(name);
    await expect(deleteTopic(local, name)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('brokers and overview', () => {
  it('partitions led and replicas held add up to what kafka-topics reports', async () => {
    invalidateCluster(local);
    const out = await kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe']);
    const rows = [...out.matchAll(/Partition: \d+\s+Leader: (-?\d+|none)\s+Replicas: ([\d,]+)/g)];
    const { brokers } = await listBrokers(local);
    for (const broker of brokers) {
      expect(broker.online).toBe(true);
      expect(broker.partitionsLed).toBe(rows.filter(([, leader]) => Number(leader) === broker.id).length);
      expect(broker.replicas).toBe(
        rows.filter(([, , replicas]) => replicas!.split(',').map(Number).includes(broker.id)).length,
      );
    }
  });

  it('log-dir sizes match kafka-log-dirs', async () => {
    const out = await kafkaCli('kafka-log-dirs', [
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--broker-list',
      '1',
    ]);
    const json = JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!) as {
      brokers: { broker: number; logDirs: { logDir: string; partitions: { size: number }[] }[] }[];
    };
    const theirs = json.brokers[0]!.logDirs[0]!;
    invalidateCluster(local);
    const ours = await getBroker(local, 1);
    expect(ours.logDirs[0]!.path).toBe(theirs.logDir);
    // Sizes move as the cluster writes (offsets, metadata): equal within a few segments' headers.
    const theirSize = theirs.partitions.reduce((s, p) => s + p.size, 0);
    expect(Math.abs(ours.logDirs[0]!.sizeBytes - theirSize)).toBeLessThan(64 * 1024);
    expect(ours.logDirs[0]!.totalBytes).toBeGreaterThan(0);
  });

  it('one topic’s partition sizes match kafka-log-dirs for that topic, summed over its replicas', async () => {
    const out = await kafkaCli('kafka-log-dirs', [
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--topic-list',
      topic,
    ]);
    const json = JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!) as {
      brokers: { logDirs: { partitions: { partition: string; size: number }[] }[] }[];
    };
    const theirs = new Map<number, number>();
    for (const b of json.brokers)
      for (const d of b.logDirs)
        for (const p of d.partitions) {
          const partition = Number(p.partition.slice(p.partition.lastIndexOf('-') + 1));
          theirs.set(partition, (theirs.get(partition) ?? 0) + p.size);
        }
    const ours = await getTopic(local, topic);
    expect(theirs.size).toBe(ours.partitionDetails.length);
    for (const p of ours.partitionDetails) expect(p.sizeBytes).toBe(theirs.get(p.partition));
  });

  it('the overview counts topics and partitions as Kafka does', async () => {
    invalidateCluster(local);
    const [overview, out] = await Promise.all([
      getOverview(local),
      kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, '--describe']),
    ]);
    const topicCount = out.split('\n').filter((l) => l.startsWith('Topic:')).length;
    const partitionCount = [...out.matchAll(/\tPartition: \d+/g)].length;
    expect(overview).toMatchObject({
      brokersOnline: 3,
      brokersTotal: 3,
      topics: topicCount,
      partitions: partitionCount,
      offlinePartitions: 0,
      kafkaStatus: 'healthy',
      kafkaVersion: '4.4',
    });
  });
});
