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
import { kafka, partitionKey } from '@/server/kafka';
import { findTopic } from '@/server/services/resolve';
import { changing, getTopology } from '@/server/services/snapshot';
import { loadTopic } from '@/server/services/topics';

/** Brokers learn of new partitions from the controller a moment after it answers: wait until they have. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 150));
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

export async function createTopic(cluster: ClusterConfig, body: CreateTopic): Promise<TopicDetail> {
  await checkConfigNames(cluster, Object.keys(body.configs));
  const gateway = kafka(cluster);
  const topology = await gateway.metadata([]);
  // Kafka would say the same, less clearly, and only after a round-trip to the controller.
  if (body.replicationFactor > topology.brokers.length) {
    throw new AppError(
      'validation_failed',
      `Replication factor ${body.replicationFactor} is larger than the ${topology.brokers.length} broker(s) available`,
    );
  }
  const created = await changing(cluster, () => gateway.createTopic(body));
  if (!created) throw new AppError('conflict', `Topic "${body.name}" already exists`);
  await waitFor(
    () => gateway.topicReady(body.name, body.partitions).catch(() => false),
    cluster.requestTimeoutMs,
  );
  return loadTopic(cluster, body.name);
}

export async function deleteTopic(cluster: ClusterConfig, name: string): Promise<{ ok: true }> {
  const { topic } = await findTopic(cluster, name);
  if (topic.internal)
    throw new AppError('forbidden', `"${name}" is an internal topic and cannot be deleted here`);
  await changing(cluster, () => kafka(cluster).deleteTopic(name));
  return { ok: true };
}

export async function addPartitions(
  cluster: ClusterConfig,
  name: string,
  count: number,
): Promise<TopicDetail> {
  const { topic } = await findTopic(cluster, name);
  if (count <= topic.partitions.length) {
    throw new AppError(
      'validation_failed',
      `Topic "${name}" has ${topic.partitions.length} partitions; the new count must be larger (Kafka cannot remove partitions)`,
    );
  }
  await changing(cluster, () => kafka(cluster).addPartitions(name, count));
  await waitFor(
    () =>
      kafka(cluster)
        .topicReady(name, count)
        .catch(() => false),
    cluster.requestTimeoutMs,
  );
  return loadTopic(cluster, name);
}

/** Deletes records up to the given offsets (all partitions to their high watermark when none are given). */
export async function purgeTopic(cluster: ClusterConfig, name: string, body: Purge): Promise<PurgeResult> {
  const { topic } = await findTopic(cluster, name);
  const known = new Set(topic.partitions.map((p) => p.partition));
  const targets = body.partitions ?? topic.partitions.map((p) => ({ partition: p.partition, offset: -1 }));
  const unknown = targets.filter((t) => !known.has(t.partition)).map((t) => t.partition);
  if (unknown.length > 0)
    throw new AppError('validation_failed', `Topic "${name}" has no partition ${unknown.join(', ')}`);
  const gateway = kafka(cluster);
  const before = await gateway.watermarks([topic]);
  for (const t of targets) {
    const marks = before.offsets.get(partitionKey(name, t.partition));
    if (marks && t.offset > marks.high) {
      throw new AppError(
        'validation_failed',
        `Offset ${t.offset} is beyond the end of partition ${t.partition} (${marks.high})`,
      );
    }
  }
  await changing(cluster, () => gateway.deleteRecords(name, targets));
  const after = await gateway.watermarks([topic]);
  return {
    partitions: targets.map((t) => ({
      partition: t.partition,
      lowWatermark: after.offsets.get(partitionKey(name, t.partition))?.low ?? -1,
    })),
  };
}

export async function getTopicConfigs(cluster: ClusterConfig, name: string): Promise<ConfigList> {
  return { configs: await kafka(cluster).topicConfigs(name) };
}

export async function alterTopicConfigs(
  cluster: ClusterConfig,
  name: string,
  body: AlterConfigs,
): Promise<ConfigList> {
  await findTopic(cluster, name);
  // Kafka refuses an unknown name to set, but takes an unknown name to reset as a no-op while the
  // rest applies: both are checked first, so a typo changes nothing.
  await checkConfigNames(cluster, [...Object.keys(body.set), ...body.reset], name);
  const changes = [
    ...Object.entries(body.set).map(([configName, value]) => ({ name: configName, value })),
    ...body.reset.map((configName) => ({ name: configName, value: null })),
  ];
  await changing(cluster, () => kafka(cluster).alterTopicConfigs(name, changes));
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
