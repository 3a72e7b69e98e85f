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

/**
 * Preferred (or, confirmed, unclean) leader election. The preview lists the partitions whose leader
 * is not their preferred replica (unclean: those without a leader); an election's results are per
 * partition, ELECTION_NOT_NEEDED being "not needed", never a failure.
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
  const wanted = topics.map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => p.partition) }));
  if (wanted.length === 0) return { dryRun: false, candidates, partitions: [] };
  const outcomes = await changing(cluster, () =>
    gateway.electLeaders(body.type === 'unclean' ? 1 : 0, body.scope.kind === 'cluster' ? null : wanted),
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
