import 'server-only';
import { ElectLeadersSchema, type ElectionResult, type ElectionScope } from '@/lib/schemas/reassignment';
import type { z } from 'zod';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import type { AuditChange } from '@/server/http/audit-context';
import { kafka, type Topology } from '@/server/kafka';
import { reassignError, toOutcome } from '@/server/services/reassign-errors';
import { changing } from '@/server/services/snapshot';

type Election = z.output<typeof ElectLeadersSchema>;

/** The partitions an election is about: a topic's, those a broker is the preferred leader of, or all. */
function partitionsOf(topology: Topology, scope: ElectionScope) {
  if (scope.kind === 'topic') {
    const topic = topology.topics.find((t) => t.name === scope.topic);
    if (!topic) throw new AppError('not_found', `Topic "${scope.topic}" does not exist`);
    return [topic];
  }
  if (scope.kind === 'broker') {
    if (!topology.knownBrokerIds.includes(scope.brokerId))
      throw new AppError('not_found', `Broker ${scope.brokerId} is not part of the cluster`);
    return topology.topics
      .map((t) => ({ ...t, partitions: t.partitions.filter((p) => p.replicas[0] === scope.brokerId) }))
      .filter((t) => t.partitions.length > 0);
  }
  return topology.topics;
}

type PartitionRef = { topic: string; partition: number };
const refKey = (p: PartitionRef) => `${p.topic}\u0000${p.partition}`;

function listed(partitions: PartitionRef[]): string {
  const shown = partitions.slice(0, 10).map((p) => `${p.topic}-${p.partition}`);
  return partitions.length > 10 ? `${shown.join(', ')} and ${partitions.length - 10} more` : shown.join(', ');
}

/**
 * Why the partitions an election is about now differ from those its preview showed, or null when
 * they are the same: a partition that needs it and was not shown, or one shown that no longer does.
 */
export function changedSincePreview(
  type: Election['type'],
  previewed: PartitionRef[],
  candidates: PartitionRef[],
): string | null {
  const then = new Set(previewed.map(refKey));
  const now = new Set(candidates.map(refKey));
  const added = candidates.filter((c) => !then.has(refKey(c)));
  const gone = [...new Map(previewed.map((p) => [refKey(p), p])).values()].filter((p) => !now.has(refKey(p)));
  if (added.length === 0 && gone.length === 0) return null;
  const what = type === 'unclean' ? 'without a leader' : 'not led by their preferred replica';
  const verb = (list: PartitionRef[], one: string, many: string) => (list.length === 1 ? one : many);
  const parts = [
    added.length > 0 &&
      `${listed(added)} ${verb(added, 'is', 'are')} now and ${verb(added, 'was', 'were')} not shown`,
    gone.length > 0 && `${listed(gone)} no longer ${verb(gone, 'is', 'are')}`,
  ].filter(Boolean);
  return (
    `The partitions ${what} changed since the preview: ${parts.join('; ')}. ` +
    `Nothing was elected: preview the election again.`
  );
}

/** Partitions grouped by topic, as ElectLeaders takes them. */
function byTopic(partitions: PartitionRef[]): { topic: string; partitions: number[] }[] {
  const topics = new Map<string, number[]>();
  for (const p of partitions) topics.set(p.topic, [...(topics.get(p.topic) ?? []), p.partition]);
  return [...topics].map(([topic, list]) => ({ topic, partitions: list.sort((a, b) => a - b) }));
}

/**
 * Preferred (or, confirmed, unclean) leader election. The preview lists the partitions whose leader
 * is not their preferred replica (unclean: those without a leader); the election elects exactly
 * those (`partitions`, sent back by the caller), and refuses with 409 when the partitions that need
 * it are no longer the ones the preview showed, so an unclean election never reaches a partition
 * nobody saw. Its results are per partition, ELECTION_NOT_NEEDED being "not needed", never a failure.
 */
export async function electLeaders(
  cluster: ClusterConfig,
  body: Election,
): Promise<ElectionResult & { change?: AuditChange }> {
  const gateway = kafka(cluster);
  const topology = await gateway.metadata(body.scope.kind === 'topic' ? [body.scope.topic] : 'all');
  const topics = partitionsOf(topology, body.scope);
  const candidates = topics.flatMap((t) =>
    t.partitions
      .filter((p) => (body.type === 'unclean' ? p.leader === null : p.leader !== (p.replicas[0] ?? null)))
      .map((p) => ({
        topic: t.name,
        partition: p.partition,
        leader: p.leader,
        preferred: p.replicas[0] ?? null,
      })),
  );
  if (body.dryRun) return { dryRun: true, candidates, partitions: [] };
  // The schema has an election carry its preview's partitions.
  const previewed = body.partitions ?? [];
  const changed = changedSincePreview(body.type, previewed, candidates);
  if (changed) throw new AppError('conflict', changed);
  if (candidates.length === 0) return { dryRun: false, candidates, partitions: [] };
  const wanted = byTopic(candidates);
  const outcomes = await changing(cluster, () =>
    gateway.electLeaders(body.type === 'unclean' ? 1 : 0, wanted),
  ).catch((e: unknown) => {
    throw reassignError(e, 'elect');
  });
  const elected = outcomes.filter((o) => o.error === null);
  const now = elected.length === 0 ? null : await gateway.metadata([...new Set(elected.map((o) => o.topic))]);
  const leaderNow = (topic: string, partition: number) =>
    now?.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partition === partition)?.leader ??
    null;
  const leaderBefore = (topic: string, partition: number) =>
    topology.topics.find((t) => t.name === topic)?.partitions.find((p) => p.partition === partition)
      ?.leader ?? null;
  return {
    dryRun: false,
    candidates,
    change: {
      before: elected.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        leader: leaderBefore(o.topic, o.partition),
      })),
      after: elected.map((o) => ({
        topic: o.topic,
        partition: o.partition,
        leader: leaderNow(o.topic, o.partition),
      })),
    },
    partitions: outcomes
      .map(toOutcome)
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
  };
}
