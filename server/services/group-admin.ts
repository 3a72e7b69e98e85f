import 'server-only';
import type { ResetOffsets, ResetPreview } from '@/lib/schemas/group';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { kafka, kafkaErrorType, partitionKey, type GroupDescription, type GroupEntry } from '@/server/kafka';
import { choosePartitions, findGroup, topicIn } from '@/server/services/resolve';
import { changing } from '@/server/services/snapshot';

async function groupContext(cluster: ClusterConfig, groupId: string, alsoTopics: string[] = []) {
  const { snapshot, entry } = await findGroup(cluster, groupId, alsoTopics);
  const described = (await kafka(cluster).describeGroups([entry])).get(groupId);
  return { snapshot, entry, described };
}

const IDLE_STATES = new Set(['Empty', 'Dead']);

/**
 * Kafka accepts offset changes and deletes only for a group without members. The members come from
 * the group's own describe API; a group the console cannot describe (a streams group) counts as
 * active unless ListGroups says it is Empty. Kafka's own refusal is mapped alike (liveGroupConflict).
 */
function refuseActive(
  groupId: string,
  entry: GroupEntry,
  described: GroupDescription | undefined,
  action: string,
): void {
  const members = described?.members.length ?? null;
  if (members !== null && members > 0) {
    throw new AppError(
      'conflict',
      `Consumer group "${groupId}" has ${members} active member${members > 1 ? 's' : ''}: stop its consumers before you ${action}`,
    );
  }
  const state = described?.state ?? entry.state;
  if (members === null && state && !IDLE_STATES.has(state)) {
    throw new AppError(
      'conflict',
      `${entry.type ? `The ${entry.type} group` : 'Group'} "${groupId}" is ${state}: stop its clients before you ${action}`,
    );
  }
}

/** Kafka's answers meaning "this group has live members", e.g. when one joined after the check above. */
const LIVE_GROUP_ERRORS = new Set([
  'NON_EMPTY_GROUP',
  'UNKNOWN_MEMBER_ID',
  'ILLEGAL_GENERATION',
  'REBALANCE_IN_PROGRESS',
  'STALE_MEMBER_EPOCH',
  'FENCED_MEMBER_EPOCH',
]);

async function changeIdleGroup<T>(
  cluster: ClusterConfig,
  groupId: string,
  action: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await changing(cluster, fn);
  } catch (error) {
    const type = kafkaErrorType(error);
    if (type && LIVE_GROUP_ERRORS.has(type)) {
      throw new AppError(
        'conflict',
        `Consumer group "${groupId}" has active members (Kafka answered ${type}): stop its consumers before you ${action}`,
        error,
      );
    }
    throw error;
  }
}

/** Computes (and unless dryRun, commits) new offsets; the preview shows current → new per partition. */
export async function resetOffsets(
  cluster: ClusterConfig,
  groupId: string,
  body: ResetOffsets,
): Promise<ResetPreview> {
  const { snapshot, entry, described } = await groupContext(cluster, groupId, body.topic ? [body.topic] : []);
  const gateway = kafka(cluster);
  const committed = snapshot.committed.get(groupId)?.offsets ?? [];
  let targets: { topic: string; partition: number }[];
  if (body.topic) {
    const topic = topicIn(snapshot.topology, body.topic);
    targets = choosePartitions(topic, body.partitions).map((p) => ({
      topic: topic.name,
      partition: p.partition,
    }));
  } else {
    if (body.partitions) throw new AppError('validation_failed', 'Choosing partitions needs a topic');
    targets = committed
      .map(({ topic, partition }) => ({ topic, partition }))
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
    if (targets.length === 0)
      throw new AppError('validation_failed', `Group "${groupId}" has no committed offsets: choose a topic`);
  }

  const topics = snapshot.topology.topics.filter((t) => targets.some((p) => p.topic === t.name));
  const marks = (await gateway.watermarks(topics)).offsets;
  let atTime = new Map<string, number | null>();
  if (body.target.type === 'timestamp') {
    const timestamp = body.target.timestamp;
    const withLeaders = targets.map((p) => ({
      ...p,
      leader:
        topics.find((t) => t.name === p.topic)?.partitions.find((x) => x.partition === p.partition)?.leader ??
        null,
    }));
    atTime = await gateway.offsetsForTime(withLeaders, timestamp);
  }
  const current = new Map(
    committed.map((c) => [partitionKey(c.topic, c.partition), c.offset >= 0 ? c.offset : null]),
  );

  const partitions = targets.map(({ topic, partition }) => {
    const key = partitionKey(topic, partition);
    const m = marks.get(key);
    if (!m) throw new AppError('broker_unavailable', `The leader of ${topic}-${partition} is not available`);
    const now = current.get(key) ?? null;
    const clamp = (offset: number) => Math.min(m.high, Math.max(m.low, offset));
    const target = body.target;
    const newOffset =
      target.type === 'earliest'
        ? m.low
        : target.type === 'latest'
          ? m.high
          : target.type === 'timestamp'
            ? (atTime.get(key) ?? m.high)
            : target.type === 'offset'
              ? clamp(target.offset)
              : clamp((now ?? m.low) + target.by);
    return { topic, partition, currentOffset: now, newOffset, logStartOffset: m.low, logEndOffset: m.high };
  });

  if (body.dryRun) return { applied: false, partitions };
  refuseActive(groupId, entry, described, 'reset its offsets');
  const byTopic = new Map<string, { partition: number; offset: number }[]>();
  for (const p of partitions)
    byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), { partition: p.partition, offset: p.newOffset }]);
  const topicsToCommit = [...byTopic].map(([topic, list]) => ({ topic, partitions: list }));
  await changeIdleGroup(cluster, groupId, 'reset its offsets', () =>
    gateway.commitOffsets(entry, topicsToCommit),
  );
  return { applied: true, partitions };
}

export async function deleteGroup(cluster: ClusterConfig, groupId: string): Promise<{ ok: true }> {
  const { entry, described } = await groupContext(cluster, groupId);
  refuseActive(groupId, entry, described, 'delete it');
  await changeIdleGroup(cluster, groupId, 'delete it', () => kafka(cluster).deleteGroup(groupId));
  return { ok: true };
}

export async function deleteGroupTopicOffsets(
  cluster: ClusterConfig,
  groupId: string,
  topic: string,
): Promise<{ ok: true }> {
  const { snapshot, entry } = await findGroup(cluster, groupId);
  const partitions = (snapshot.committed.get(groupId)?.offsets ?? [])
    .filter((o) => o.topic === topic)
    .map((o) => o.partition);
  if (partitions.length === 0)
    throw new AppError('not_found', `Group "${groupId}" has no offsets for topic "${topic}"`);
  try {
    await changing(cluster, () => kafka(cluster).deleteGroupOffsets(entry, topic, partitions));
  } catch (error) {
    if (kafkaErrorType(error) === 'GROUP_SUBSCRIBED_TO_TOPIC') {
      throw new AppError(
        'conflict',
        `Consumer group "${groupId}" has members subscribed to "${topic}": stop them before you delete its offsets`,
      );
    }
    throw error;
  }
  return { ok: true };
}
