import 'server-only';
import type {
  AlterConfigs,
  ConfigList,
  CreateTopic,
  Purge,
  PurgeResult,
  TopicDetail,
} from '@/lib/schemas/topic';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { alterTopicConfigs, describeTopicConfigs } from '@/server/kafka/configs';
import { clientsFor, connected, resetProducer } from '@/server/kafka/registry';
import { addPartitions, createTopic, deleteRecords, deleteTopic } from '@/server/kafka/topic-admin';
import { describeTopology } from '@/server/kafka/topology';
import { fetchWatermarks, partitionKey } from '@/server/kafka/watermarks';
import { kafkaChange, kafkaRead } from '@/server/services/kafka-call';
import { getTopology } from '@/server/services/snapshot';
import { getTopic } from '@/server/services/topics';

/** Brokers learn of new partitions from the controller a moment after it answers: wait until they have. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 150));
}

async function existingTopic(cluster: ClusterConfig, name: string) {
  const topology = await describeTopology(cluster, [name]);
  const topic = topology.topics.find((t) => t.name === name);
  if (!topic) throw new AppError('not_found', `Topic "${name}" does not exist`);
  return { topology, topic };
}

/**
 * Kafka answers an unknown config name with a bare INVALID_CONFIG (kafkajs drops its message), so
 * names are checked first against the keys an existing topic reports: every topic-level config.
 */
async function checkConfigNames(cluster: ClusterConfig, names: string[], topic?: string): Promise<void> {
  if (names.length === 0) return;
  const sample = topic ?? (await getTopology(cluster)).topics[0]?.name;
  if (!sample) return;
  const { configs } = await getTopicConfigs(cluster, sample);
  const known = new Set(configs.map((c) => c.name));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      `Unknown topic config${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
    );
  }
}

export async function createTopicChecked(cluster: ClusterConfig, body: CreateTopic): Promise<TopicDetail> {
  await checkConfigNames(cluster, Object.keys(body.configs));
  const topology = await describeTopology(cluster, []);
  // Kafka would say the same, less clearly, and only after a round-trip to the controller.
  if (body.replicationFactor > topology.brokers.length) {
    throw new AppError(
      'validation_failed',
      `Replication factor ${body.replicationFactor} is larger than the ${topology.brokers.length} broker(s) available`,
    );
  }
  const clients = await connected(clientsFor(cluster));
  const created = await kafkaChange(cluster, `Create topic "${body.name}"`, () =>
    createTopic(clients, body, cluster.requestTimeoutMs),
  );
  if (!created) throw new AppError('conflict', `Topic "${body.name}" already exists`);
  await waitFor(async () => {
    const topology = await describeTopology(cluster, [body.name]).catch(() => null);
    const topic = topology?.topics.find((t) => t.name === body.name);
    return topic?.partitions.length === body.partitions && topic.partitions.every((p) => p.leader !== null);
  }, cluster.requestTimeoutMs);
  return getTopic(cluster, body.name);
}

export async function deleteTopicChecked(cluster: ClusterConfig, name: string): Promise<{ ok: true }> {
  const { topic } = await existingTopic(cluster, name);
  if (topic.internal)
    throw new AppError('forbidden', `"${name}" is an internal topic and cannot be deleted here`);
  const clients = await connected(clientsFor(cluster));
  await kafkaChange(cluster, `Delete topic "${name}"`, () =>
    deleteTopic(clients, name, cluster.requestTimeoutMs),
  );
  resetProducer(clients);
  return { ok: true };
}

export async function addPartitionsChecked(
  cluster: ClusterConfig,
  name: string,
  count: number,
): Promise<TopicDetail> {
  const { topic } = await existingTopic(cluster, name);
  if (count <= topic.partitions.length) {
    throw new AppError(
      'validation_failed',
      `Topic "${name}" has ${topic.partitions.length} partitions; the new count must be larger (Kafka cannot remove partitions)`,
    );
  }
  const clients = await connected(clientsFor(cluster));
  await kafkaChange(cluster, `Add partitions to "${name}"`, () =>
    addPartitions(clients, name, count, cluster.requestTimeoutMs),
  );
  await waitFor(
    async () => (await existingTopic(cluster, name)).topic.partitions.length >= count,
    cluster.requestTimeoutMs,
  );
  return getTopic(cluster, name);
}

/** Deletes records up to the given offsets (all partitions to their high watermark when none are given). */
export async function purgeTopic(cluster: ClusterConfig, name: string, body: Purge): Promise<PurgeResult> {
  const { topic } = await existingTopic(cluster, name);
  const known = new Set(topic.partitions.map((p) => p.partition));
  const targets = body.partitions ?? topic.partitions.map((p) => ({ partition: p.partition, offset: -1 }));
  const unknown = targets.filter((t) => !known.has(t.partition)).map((t) => t.partition);
  if (unknown.length > 0)
    throw new AppError('validation_failed', `Topic "${name}" has no partition ${unknown.join(', ')}`);
  const clients = await connected(clientsFor(cluster));
  const before = await fetchWatermarks(clients, [topic]);
  for (const t of targets) {
    const marks = before.offsets.get(partitionKey(name, t.partition));
    if (marks && t.offset > marks.high) {
      throw new AppError(
        'validation_failed',
        `Offset ${t.offset} is beyond the end of partition ${t.partition} (${marks.high})`,
      );
    }
  }
  await kafkaChange(cluster, `Purge "${name}"`, () => deleteRecords(clients, name, targets));
  const after = await fetchWatermarks(clients, [topic]);
  return {
    partitions: targets.map((t) => ({
      partition: t.partition,
      lowWatermark: after.offsets.get(partitionKey(name, t.partition))?.low ?? -1,
    })),
  };
}

export async function getTopicConfigs(cluster: ClusterConfig, name: string): Promise<ConfigList> {
  const clients = await connected(clientsFor(cluster));
  const configs = await kafkaRead(cluster, `Configuration of "${name}"`, () =>
    describeTopicConfigs(clients, name),
  );
  return { configs };
}

export async function alterTopicConfigsChecked(
  cluster: ClusterConfig,
  name: string,
  body: AlterConfigs,
): Promise<ConfigList> {
  await existingTopic(cluster, name);
  // Kafka refuses an unknown name to set, but takes an unknown name to reset as a no-op while the
  // rest applies: both are checked first, so a typo changes nothing.
  await checkConfigNames(cluster, [...Object.keys(body.set), ...body.reset], name);
  const changes = [
    ...Object.entries(body.set).map(([configName, value]) => ({ name: configName, value })),
    ...body.reset.map((configName) => ({ name: configName, value: null })),
  ];
  const clients = await connected(clientsFor(cluster));
  await kafkaChange(cluster, `Configure "${name}"`, () => alterTopicConfigs(clients, name, changes));
  // In KRaft a change reaches each broker through the metadata log a moment after the controller
  // accepts it: read back until the broker that answers shows it, so the page never shows the old value.
  const shows = (list: ConfigList) =>
    changes.every(({ name: configName, value }) => {
      const entry = list.configs.find((c) => c.name === configName);
      if (!entry || entry.sensitive) return true;
      return value === null ? entry.source !== 'topic' : entry.value === value;
    });
  const deadline = Date.now() + Math.min(5_000, cluster.requestTimeoutMs);
  for (;;) {
    const list = await getTopicConfigs(cluster, name);
    if (shows(list) || Date.now() > deadline) return list;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
