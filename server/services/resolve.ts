import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { kafka, type GroupEntry, type TopicMeta, type Topology } from '@/server/kafka';
import { readGroup, type GroupSnapshot } from '@/server/services/group-snapshot';
import { freshTopology } from '@/server/services/snapshot';

/** A topic's metadata, read for it alone (its cost does not grow with the cluster), or a 404. */
export async function findTopic(
  cluster: ClusterConfig,
  name: string,
): Promise<{ topology: Topology; topic: TopicMeta }> {
  // The whole cluster's metadata when a page keeps it fresh; a topic made since is asked for.
  const whole = freshTopology(cluster);
  const listed = whole?.topics.find((t) => t.name === name);
  if (whole && listed) return { topology: whole, topic: listed };
  const topology = await kafka(cluster).metadata([name]);
  return { topology, topic: topicIn(topology, name) };
}

/** A topic of metadata already read, or a 404. */
export function topicIn(topology: Topology, name: string): TopicMeta {
  const topic = topology.topics.find((t) => t.name === name);
  if (!topic) throw new AppError('not_found', `Topic "${name}" does not exist`);
  return topic;
}

/**
 * A group with its offsets and the metadata and watermarks of its topics (and of `alsoTopics`), read
 * for it alone (see readGroup; `alongside` runs with its last step); or a 404.
 */
export const findGroup = <X = undefined>(
  cluster: ClusterConfig,
  groupId: string,
  alsoTopics: string[] = [],
  alongside?: (entry: GroupEntry) => Promise<X>,
): Promise<{ snapshot: GroupSnapshot; entry: GroupEntry; extra: X }> =>
  readGroup(cluster, groupId, alsoTopics, alongside);

/** The partitions named in a `0,2,5` list (all when absent); a partition the topic lacks is a 400. */
export function choosePartitions(
  topic: TopicMeta,
  list: string | number[] | undefined,
): TopicMeta['partitions'] {
  const all = topic.partitions.map((p) => p.partition);
  const chosen =
    list === undefined ? all : [...new Set(typeof list === 'string' ? list.split(',').map(Number) : list)];
  const missing = chosen.filter((p) => !all.includes(p));
  if (missing.length)
    throw new AppError('validation_failed', `Topic "${topic.name}" has no partition ${missing.join(', ')}`);
  return topic.partitions.filter((p) => chosen.includes(p.partition));
}
