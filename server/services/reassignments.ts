import 'server-only';
import { planReassignment, PlanError, type PlanGoal, type PlanPartition } from '@/lib/reassign/plan';
import type {
  ApplyReassignment,
  CancelReassignment,
  ClearThrottles,
  ClearThrottlesResult,
  PartitionOutcomeDto,
  ReassignmentPlan,
  Reassignments,
} from '@/lib/schemas/reassignment';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import type { AuditChange } from '@/server/http/audit-context';
import { kafka, partitionKey, type LogDir, type Topology } from '@/server/kafka';
import { log } from '@/server/log';
import { reassignError, toOutcome } from '@/server/services/reassign-errors';
import { changing } from '@/server/services/snapshot';
import {
  removeStaleThrottles,
  removeTopicThrottles,
  setThrottles,
  settleThrottles,
  staleThrottles,
  staleTopicThrottles,
  throttlesOf,
  type TopicThrottle,
} from '@/server/services/throttles';

/** Each partition's largest replica log, and the size of each replica, from one DescribeLogDirs per broker. */
function sizesOf(byBroker: Map<number, LogDir[]>) {
  const replica = new Map<string, number>();
  const largest = new Map<string, number>();
  for (const [brokerId, dirs] of byBroker) {
    for (const dir of dirs) {
      for (const p of dir.partitions) {
        const key = partitionKey(p.topic, p.partition);
        const at = `${key}@${brokerId}`;
        replica.set(at, Math.max(replica.get(at) ?? 0, p.sizeBytes));
        if (!p.isFuture) largest.set(key, Math.max(largest.get(key) ?? 0, p.sizeBytes));
      }
    }
  }
  return { replica, largest };
}

function scopeOf(goal: PlanGoal): string[] | null {
  if (goal.kind === 'move') return [...new Set(goal.moves.map((m) => m.topic))];
  if (goal.kind === 'replication-factor') return [goal.topic];
  return goal.topics && goal.topics.length > 0 ? goal.topics : null;
}

function layoutOf(topology: Topology, largest: Map<string, number>): PlanPartition[] {
  return topology.topics.flatMap((t) =>
    t.partitions.map((p) => ({
      topic: t.name,
      partition: p.partition,
      replicas: p.replicas,
      sizeBytes: largest.get(partitionKey(t.name, p.partition)) ?? 0,
    })),
  );
}

async function planOn(cluster: ClusterConfig, goal: PlanGoal) {
  const gateway = kafka(cluster);
  const topology = await gateway.metadata('all');
  const scope = scopeOf(goal);
  for (const name of scope ?? []) {
    if (!topology.topics.some((t) => t.name === name))
      throw new AppError('not_found', `Topic "${name}" does not exist`);
  }
  const wanted = scope
    ? topology.topics
        .filter((t) => scope.includes(t.name))
        .map((t) => ({ topic: t.name, partitions: t.partitions.map((p) => p.partition) }))
    : null;
  const logDirs = await gateway.logDirs(
    topology.brokers.map((b) => b.id),
    wanted,
  );
  const { largest } = sizesOf(logDirs.byBroker);
  try {
    const plan = planReassignment(topology.brokers, layoutOf(topology, largest), goal);
    return { plan, topology, unavailableBrokers: logDirs.unavailableBrokers };
  } catch (error) {
    if (error instanceof PlanError) throw new AppError('validation_failed', error.message);
    throw error;
  }
}

/** The preview: what would move, how many bytes, and the balance before and after. Nothing is changed. */
export async function previewPlan(cluster: ClusterConfig, goal: PlanGoal): Promise<ReassignmentPlan> {
  const { plan, unavailableBrokers } = await planOn(cluster, goal);
  return { ...plan, unavailableBrokers };
}

/**
 * Applies a previewed plan's moves: checked again against the cluster as it is now, refused while
 * any of its partitions is moving already, throttled when asked (throttles set before the moves).
 */
export async function applyReassignment(
  cluster: ClusterConfig,
  body: ApplyReassignment,
): Promise<{ partitions: PartitionOutcomeDto[]; change: AuditChange }> {
  const gateway = kafka(cluster);
  const { plan } = await planOn(cluster, { kind: 'move', moves: body.moves });
  if (plan.moves.length === 0)
    throw new AppError('validation_failed', 'Every partition of the plan has these replicas already');
  const topics = [...new Set(plan.moves.map((m) => m.topic))].map((topic) => ({
    topic,
    partitions: plan.moves.filter((m) => m.topic === topic).map((m) => m.partition),
  }));
  const moving = await gateway.listReassignments(topics).catch((e: unknown) => {
    throw reassignError(e, 'list');
  });
  if (moving.length > 0) {
    const names = moving.map((m) => `${m.topic}-${m.partition}`).join(', ');
    throw new AppError(
      'conflict',
      `A reassignment is in progress already for ${names}: cancel it or wait until it completes`,
    );
  }
  return changing(cluster, async () => {
    if (body.throttleBytesPerSec !== null) {
      await setThrottles(cluster, body.throttleBytesPerSec, plan.moves).catch(async (e: unknown) => {
        await settleThrottles(cluster).catch(() => undefined);
        throw reassignError(e, 'throttle');
      });
    }
    const outcomes = await gateway
      .alterReassignments(plan.moves.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })))
      .catch(async (e: unknown) => {
        await settleThrottles(cluster).catch(() => undefined);
        throw reassignError(e, 'reassign');
      });
    const partitions = outcomes.map(toOutcome);
    if (partitions.every((p) => p.status === 'failed')) {
      await settleThrottles(cluster).catch(() => undefined);
      throw new AppError('validation_failed', partitions[0]?.message ?? 'Kafka refused the reassignment');
    }
    const accepted = plan.moves.filter((m) =>
      partitions.some((p) => p.topic === m.topic && p.partition === m.partition && p.status === 'ok'),
    );
    return {
      partitions,
      change: {
        before: accepted.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.from })),
        after: accepted.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.to })),
      },
    };
  });
}

/** The reassignments under way with their copied bytes; finished ones' throttles are removed on the way. */
export async function listReassignments(cluster: ClusterConfig): Promise<Reassignments> {
  const gateway = kafka(cluster);
  const moving = await gateway.listReassignments().catch((e: unknown) => {
    throw reassignError(e, 'list');
  });
  // A failure to remove a throttle must not hide the progress: it is retried on the next read.
  const removedThrottles = await settleThrottles(cluster, new Set(moving.map((m) => m.topic))).catch(
    (error: unknown) => {
      log('warn', 'replication throttles not removed yet', { cluster: cluster.id, error: String(error) });
      return { brokers: [], topics: [] };
    },
  );
  // Throttled-replica lists of topics with nothing moving; a failed check must not hide the progress either.
  const { topics: staleTopics, limited: staleTopicsLimited } = await staleTopicThrottles(
    cluster,
    new Set(moving.map((m) => m.topic)),
  ).catch((error: unknown) => {
    log('warn', 'topic throttles not checked', { cluster: cluster.id, error: String(error) });
    return { topics: [] as TopicThrottle[], limited: false };
  });
  if (moving.length === 0) {
    const live = (await gateway.metadata([])).brokers.map((b) => b.id);
    const staleBrokers = await staleThrottles(cluster, live);
    return {
      inProgress: [],
      throttles: throttlesOf(cluster),
      removedThrottles,
      staleBrokers,
      staleTopics,
      staleTopicsLimited,
    };
  }
  const topology = await gateway.metadata([...new Set(moving.map((m) => m.topic))]);
  const leaders = new Map<string, number | null>();
  for (const t of topology.topics)
    for (const p of t.partitions) leaders.set(partitionKey(t.name, p.partition), p.leader);
  const brokers = [...new Set(moving.flatMap((m) => m.replicas))].filter((id) =>
    topology.brokers.some((b) => b.id === id),
  );
  const wanted = [...new Set(moving.map((m) => m.topic))].map((topic) => ({
    topic,
    partitions: moving.filter((m) => m.topic === topic).map((m) => m.partition),
  }));
  const { replica } = sizesOf((await gateway.logDirs(brokers, wanted)).byBroker);
  return {
    inProgress: moving.map((m) => {
      const key = partitionKey(m.topic, m.partition);
      const leader = leaders.get(key) ?? null;
      return {
        ...m,
        targetBytes: leader === null ? null : (replica.get(`${key}@${leader}`) ?? null),
        copiedBytes: m.addingReplicas.map((brokerId) => ({
          brokerId,
          bytes: replica.get(`${key}@${brokerId}`) ?? null,
        })),
      };
    }),
    throttles: throttlesOf(cluster),
    removedThrottles,
    staleBrokers: [],
    staleTopics,
    staleTopicsLimited,
  };
}

/**
 * Throttles left behind, read afresh from the cluster: the brokers' rates (only while nothing in the
 * cluster moves) and the throttled-replica lists of topics none of whose partitions moves. With
 * `dryRun` it answers what would go (the preview); else it removes those named (all, unnamed).
 */
export async function clearStaleThrottles(
  cluster: ClusterConfig,
  request: ClearThrottles = {},
): Promise<ClearThrottlesResult & { change: AuditChange }> {
  const gateway = kafka(cluster);
  const moving = await gateway.listReassignments().catch((e: unknown) => {
    throw reassignError(e, 'list');
  });
  const busy = new Set(moving.map((m) => m.topic));
  const { topics: staleTopics } = await staleTopicThrottles(cluster, busy, { fresh: true }).catch(
    (e: unknown) => {
      throw reassignError(e, 'throttle');
    },
  );
  let staleBrokers: number[] = [];
  if (moving.length === 0) {
    const live = (await gateway.metadata([])).brokers.map((b) => b.id);
    staleBrokers = await staleThrottles(cluster, live);
  }
  const brokers = request.brokers ? staleBrokers.filter((b) => request.brokers!.includes(b)) : staleBrokers;
  const topics = request.topics ? staleTopics.filter((t) => request.topics!.includes(t.topic)) : staleTopics;
  if (brokers.length + topics.length === 0) {
    throw new AppError(
      'conflict',
      moving.length > 0 && staleTopics.length === 0
        ? 'Reassignments are in progress: their throttles are removed when they end'
        : 'No throttle is left behind: nothing to remove',
    );
  }
  const change: AuditChange = {
    before: { throttledBrokers: brokers, throttledTopics: topics },
    after: { throttledBrokers: [], throttledTopics: [] },
  };
  const dryRun = request.dryRun ?? false;
  if (!dryRun) {
    await changing(cluster, async () => {
      await removeTopicThrottles(
        cluster,
        topics.map((t) => t.topic),
      );
      if (brokers.length > 0) await removeStaleThrottles(cluster, brokers);
    }).catch((e: unknown) => {
      throw reassignError(e, 'throttle');
    });
  }
  return { dryRun, brokers, topics, change };
}

/** Cancels reassignments under way (all, or the given partitions); their throttles go with them. */
export async function cancelReassignments(
  cluster: ClusterConfig,
  body: CancelReassignment,
): Promise<{ partitions: PartitionOutcomeDto[]; change: AuditChange }> {
  const gateway = kafka(cluster);
  const moving = await gateway.listReassignments().catch((e: unknown) => {
    throw reassignError(e, 'list');
  });
  if (!body.partitions && moving.length === 0)
    throw new AppError('conflict', 'No reassignment is in progress: nothing to cancel');
  const targets = body.partitions ?? moving.map((m) => ({ topic: m.topic, partition: m.partition }));
  const outcomes = await changing(cluster, () =>
    gateway.alterReassignments(targets.map((t) => ({ ...t, replicas: null }))),
  ).catch((e: unknown) => {
    throw reassignError(e, 'reassign');
  });
  const partitions = outcomes.map(toOutcome);
  if (partitions.length > 0 && partitions.every((p) => p.error === 'NO_REASSIGNMENT_IN_PROGRESS')) {
    await settleThrottles(cluster).catch(() => undefined);
    throw new AppError('conflict', partitions[0]!.message ?? 'No reassignment is in progress');
  }
  // The cancel took: a throttle that cannot be removed yet is retried in the background.
  await settleThrottles(cluster).catch((error: unknown) =>
    log('warn', 'replication throttles not removed yet', { cluster: cluster.id, error: String(error) }),
  );
  const cancelled = moving.filter((m) =>
    partitions.some((p) => p.topic === m.topic && p.partition === m.partition && p.status === 'ok'),
  );
  return {
    partitions,
    change: {
      before: cancelled.map((m) => ({ topic: m.topic, partition: m.partition, replicas: m.replicas })),
      after: cancelled.map((m) => ({
        topic: m.topic,
        partition: m.partition,
        replicas: m.replicas.filter((r) => !m.addingReplicas.includes(r)),
      })),
    },
  };
}
