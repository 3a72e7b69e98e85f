import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import {
  kafka,
  type GroupEntry,
  type GroupOffsets,
  type Topology,
  type WatermarkResult,
} from '@/server/kafka';
import { live } from '@/server/services/cache';
import { partitionLags } from '@/server/services/group-lag';
import { recordLag, retainGroups } from '@/server/services/lag-history';
import { freshTopology, LIVE_REFRESH_MS, topologyOf } from '@/server/services/snapshot';

export interface GroupSnapshot {
  /** Metadata of the groups' topics at least (the whole cluster's when a page keeps that fresh). */
  topology: Topology;
  groups: GroupEntry[];
  committed: Map<string, GroupOffsets>;
  watermarks: WatermarkResult;
}

/** Adds a lag point for each group of the snapshot whose lag is known on every partition. */
function record(cluster: ClusterConfig, snapshot: GroupSnapshot, now: number): void {
  for (const g of snapshot.groups) {
    const lags = partitionLags(snapshot.committed.get(g.groupId), snapshot.watermarks);
    if (lags.length === 0 || lags.some((l) => l.lag === null)) continue;
    recordLag(cluster.id, g.groupId, {
      t: now,
      totalLag: lags.reduce((s, l) => s + l.lag!, 0),
      committed: lags.reduce((s, l) => s + l.committed!, 0),
      logEnd: lags.reduce((s, l) => s + l.high!, 0),
    });
  }
}

const snapshotKey = (cluster: ClusterConfig) => `${cluster.id}/groups`;

/** Metadata and watermarks of the topics some groups committed offsets for, and of `alsoTopics`. */
async function topicsOf(
  cluster: ClusterConfig,
  committed: Map<string, GroupOffsets>,
  alsoTopics: string[],
  left: () => { timeoutMs: number },
): Promise<{ topology: Topology; watermarks: WatermarkResult }> {
  const involved = new Set([...committed.values()].flatMap((g) => g.offsets.map((o) => o.topic)));
  for (const t of alsoTopics) involved.add(t);
  const topology = await topologyOf(cluster, [...involved], left());
  const watermarks = await kafka(cluster).watermarks(
    topology.topics.filter((t) => involved.has(t.name)),
    left(),
  );
  return { topology, watermarks };
}

/** One deadline for several steps, as for one call. */
function deadlineOf(cluster: ClusterConfig) {
  const deadline = Date.now() + cluster.requestTimeoutMs;
  return () => ({ timeoutMs: Math.max(1, deadline - Date.now()) });
}

/**
 * Every group with its committed offsets and the watermarks they are measured against: one
 * ListGroups per broker, one OffsetFetch per coordinator, two ListOffsets per leader (plus one
 * Metadata for the groups' topics unless the cluster's is fresh). Kept fresh in the background while
 * a page reads it; `keepAlive: false` reads it without keeping that going (the idle lag sampler).
 */
export const getGroupSnapshot = (
  cluster: ClusterConfig,
  options?: { keepAlive?: boolean; maxAgeMs?: number },
): Promise<GroupSnapshot> =>
  live(
    snapshotKey(cluster),
    LIVE_REFRESH_MS,
    async () => {
      const left = deadlineOf(cluster);
      const gateway = kafka(cluster);
      const brokers = freshTopology(cluster)?.brokers.map((b) => b.id) ?? null;
      const { groups } = await gateway.listGroups(brokers, left());
      const committed = await gateway.committedOffsets(groups, left());
      const snapshot = { ...(await topicsOf(cluster, committed, [], left)), groups, committed };
      record(cluster, snapshot, Date.now());
      retainGroups(cluster.id, new Set(groups.map((g) => g.groupId)));
      return snapshot;
    },
    options,
  );

/**
 * One group read for itself, its cost independent of the cluster's other groups and topics:
 * FindCoordinator, then ListGroups and OffsetFetch on its coordinator, then the metadata and
 * watermarks of its topics (and `alsoTopics`). Its offsets and watermarks are read now, never taken
 * from the shared snapshot: a page kept live on top of that would show figures twice as old.
 * `alongside` runs with the last step (e.g. describing the group). A group that does not exist is a 404.
 */
export async function readGroup<X = undefined>(
  cluster: ClusterConfig,
  groupId: string,
  alsoTopics: string[] = [],
  alongside?: (entry: GroupEntry) => Promise<X>,
): Promise<{ snapshot: GroupSnapshot; entry: GroupEntry; extra: X }> {
  const left = deadlineOf(cluster);
  const found = await kafka(cluster).group(groupId, left());
  if (!found) throw new AppError('not_found', `Consumer group "${groupId}" does not exist`);
  const { entry, offsets: committed } = found;
  const [topics, extra] = await Promise.all([
    topicsOf(cluster, committed, alsoTopics, left),
    alongside?.(entry) as Promise<X>,
  ]);
  const snapshot = { ...topics, groups: [entry], committed };
  record(cluster, snapshot, Date.now());
  return { snapshot, entry, extra };
}
