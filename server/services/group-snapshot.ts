import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import {
  kafka,
  type GroupEntry,
  type GroupOffsets,
  type Topology,
  type WatermarkResult,
} from '@/server/kafka';
import { cached } from '@/server/services/cache';
import { partitionLags } from '@/server/services/group-lag';
import { recordLag, retainGroups } from '@/server/services/lag-history';
import { getTopology } from '@/server/services/snapshot';

export interface GroupSnapshot {
  topology: Topology;
  groups: GroupEntry[];
  committed: Map<string, GroupOffsets>;
  watermarks: WatermarkResult;
}

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
  retainGroups(cluster.id, new Set(snapshot.groups.map((g) => g.groupId)));
}

/**
 * Every group with its committed offsets and the watermarks they are measured against: one
 * ListGroups per broker, one OffsetFetch per coordinator, two ListOffsets per leader.
 */
export const getGroupSnapshot = (cluster: ClusterConfig): Promise<GroupSnapshot> =>
  cached(`${cluster.id}/groups`, 2_000, async () => {
    const topology = await getTopology(cluster);
    // One deadline for the three steps, as for one call.
    const deadline = Date.now() + cluster.requestTimeoutMs;
    const left = () => ({ timeoutMs: Math.max(1, deadline - Date.now()) });
    const gateway = kafka(cluster);
    const { groups } = await gateway.listGroups(topology.brokers.map((b) => b.id));
    const committed = await gateway.committedOffsets(groups, left());
    const involved = new Set([...committed.values()].flatMap((g) => g.offsets.map((o) => o.topic)));
    const watermarks = await gateway.watermarks(
      topology.topics.filter((t) => involved.has(t.name)),
      left(),
    );
    const snapshot = { topology, groups, committed, watermarks };
    record(cluster, snapshot, Date.now());
    return snapshot;
  });
