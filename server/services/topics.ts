import 'server-only';
import type { Partition, TopicDetail, TopicList, TopicListQuery, TopicSummary } from '@/lib/schemas/topic';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, partitionKey, type LogDirReport, type TopicMeta, type WatermarkResult } from '@/server/kafka';
import { findTopic } from '@/server/services/resolve';
import { liveView } from '@/server/services/cache';
import { getSnapshot, type Snapshot } from '@/server/services/snapshot';

function partitionsOf(topic: TopicMeta, watermarks: WatermarkResult, logDirs: LogDirReport): Partition[] {
  return topic.partitions.map((p) => {
    const key = partitionKey(topic.name, p.partition);
    const marks = watermarks.offsets.get(key);
    return {
      partition: p.partition,
      leader: p.leader,
      replicas: p.replicas,
      isr: p.isr,
      offlineReplicas: p.offlineReplicas,
      lowWatermark: marks?.low ?? null,
      highWatermark: marks?.high ?? null,
      messages: marks ? marks.high - marks.low : null,
      sizeBytes: logDirs.partitionBytes.get(key) ?? null,
    };
  });
}

const sumOrNull = (values: (number | null)[]) =>
  values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);

function summarize(topic: TopicMeta, partitions: Partition[], logDirsKnown: boolean): TopicSummary {
  return {
    name: topic.name,
    internal: topic.internal,
    partitions: topic.partitions.length,
    replicationFactor: Math.max(0, ...topic.partitions.map((p) => p.replicas.length)),
    underReplicated: topic.partitions.filter((p) => p.isr.length < p.replicas.length).length,
    offlinePartitions: topic.partitions.filter((p) => p.leader === null).length,
    messages: sumOrNull(partitions.map((p) => p.messages)),
    // A replica whose broker is down has no size: report what the live brokers hold.
    sizeBytes: logDirsKnown ? partitions.reduce((s, p) => s + (p.sizeBytes ?? 0), 0) : null,
  };
}

function compare(sort: TopicListQuery['sort'], dir: TopicListQuery['dir']) {
  const sign = dir === 'asc' ? 1 : -1;
  return (a: TopicSummary, b: TopicSummary): number => {
    const x = a[sort];
    const y = b[sort];
    if (x === y) return a.name < b.name ? -1 : 1;
    if (x === null) return 1; // unknown values last, whatever the direction
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sign;
  };
}

/** Every topic's summary, worked out once per refresh of the shared reads, not once per request. */
const summaries = new WeakMap<Snapshot['watermarks'], { of: Snapshot; list: TopicSummary[] }>();

function summariesOf(snapshot: Snapshot): TopicSummary[] {
  const known = summaries.get(snapshot.watermarks);
  if (known && known.of.topology === snapshot.topology && known.of.logDirs === snapshot.logDirs)
    return known.list;
  const { topology, watermarks, logDirs } = snapshot;
  const logDirsKnown = logDirs.byBroker.size > 0;
  const list = topology.topics.map((t) => summarize(t, partitionsOf(t, watermarks, logDirs), logDirsKnown));
  summaries.set(watermarks, { of: snapshot, list });
  return list;
}

/** One page of topics, filtered and sorted server-side over the whole cluster. */
export async function listTopics(cluster: ClusterConfig, query: TopicListQuery): Promise<TopicList> {
  const snapshot = await getSnapshot(cluster);
  const { watermarks, logDirs } = snapshot;
  const needle = query.q.toLowerCase();
  const matching = summariesOf(snapshot)
    .filter(
      (t) => (query.internal === 'show' || !t.internal) && (!needle || t.name.toLowerCase().includes(needle)),
    )
    .sort(compare(query.sort, query.dir));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matching.slice(start, start + query.pageSize),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    unavailableBrokers: [
      ...new Set([...watermarks.unavailableBrokers, ...logDirs.unavailableBrokers]),
    ].sort(),
  };
}

/** A topic's page polls every 10 s: its answer is refreshed as often while the page is open. */
const TOPIC_REFRESH_MS = 10_000;

/** One topic, kept fresh while its page polls it (see liveView). */
export const getTopic = (cluster: ClusterConfig, name: string): Promise<TopicDetail> =>
  liveView(`${cluster.id}/view/topics/`, name, TOPIC_REFRESH_MS, () => loadTopic(cluster, name));

/**
 * One topic read now, not kept live (the answer to a change): Metadata for it alone, ListOffsets to
 * its leaders, log-dir sizes of its partitions.
 */
export async function loadTopic(cluster: ClusterConfig, name: string): Promise<TopicDetail> {
  const { topology, topic } = await findTopic(cluster, name);
  // Sizes of this topic's partitions only, from the live brokers holding its replicas: the page's
  // cost does not grow with the rest of the cluster.
  const live = new Set(topology.brokers.map((b) => b.id));
  const holders = [...new Set(topic.partitions.flatMap((p) => p.replicas))]
    .filter((id) => live.has(id))
    .sort((a, b) => a - b);
  const partitions = topic.partitions.map((p) => p.partition);
  const gateway = kafka(cluster);
  const [watermarks, logDirs] = await Promise.all([
    gateway.watermarks([topic]),
    gateway.logDirs(holders, [{ topic: name, partitions }]),
  ]);
  const partitionDetails = partitionsOf(topic, watermarks, logDirs);
  return {
    ...summarize(topic, partitionDetails, logDirs.byBroker.size > 0),
    partitionDetails,
    unavailableBrokers: [
      ...new Set([...watermarks.unavailableBrokers, ...logDirs.unavailableBrokers]),
    ].sort(),
  };
}
