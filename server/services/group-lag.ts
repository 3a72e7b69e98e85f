import 'server-only';
import type { GroupSummary } from '@/lib/schemas/group';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, partitionKey, type GroupOffsets, type WatermarkResult } from '@/server/kafka';
import type { GroupSnapshot } from '@/server/services/group-snapshot';
import { timeLags, type LaggingPartition } from '@/server/services/time-lag';

export interface PartitionLag {
  topic: string;
  partition: number;
  committed: number | null;
  low: number | null;
  high: number | null;
  lag: number | null;
  expired: boolean;
}

export function partitionLags(
  offsets: GroupOffsets | undefined,
  watermarks: WatermarkResult,
  topic?: string,
): PartitionLag[] {
  return (offsets?.offsets ?? [])
    .filter((o) => !topic || o.topic === topic)
    .map((o) => {
      const marks = watermarks.offsets.get(partitionKey(o.topic, o.partition));
      const committed = o.offset >= 0 ? o.offset : null;
      return {
        topic: o.topic,
        partition: o.partition,
        committed,
        low: marks?.low ?? null,
        high: marks?.high ?? null,
        // Kafka's definition (kafka-consumer-groups): log end minus committed offset; for a share
        // group, the lag Kafka counts itself (kafka-share-groups), as records past the start
        // offset may be acknowledged already.
        lag:
          o.shareLag !== undefined
            ? o.shareLag
            : committed !== null && marks
              ? Math.max(0, marks.high - committed)
              : null,
        expired: committed !== null && marks !== undefined && committed < marks.low,
      };
    });
}

export const isLagging = (l: PartitionLag) =>
  l.lag !== null && l.lag > 0 && l.committed !== null && l.high !== null && !l.expired;

/**
 * Time lag per partition of each group, read on its `perGroup` most lagging partitions and at most
 * `total` partitions in all, in at most `maxRounds` rounds (one Fetch per leader each): groups
 * waiting at different offsets of one partition need a round each, so the rounds are bounded, not
 * the groups. Partitions left out simply have no entry.
 */
export async function timeLagsOf(
  cluster: ClusterConfig,
  snapshot: GroupSnapshot,
  groupIds: string[],
  limits: { perGroup: number | ((groupId: string) => number); total: number; maxRounds?: number },
  topic?: string,
): Promise<Map<string, Map<string, number>>> {
  const wanted = new Map<string, LaggingPartition>();
  const keysOf = new Map<string, string[]>();
  for (const groupId of groupIds) {
    const perGroup = typeof limits.perGroup === 'number' ? limits.perGroup : limits.perGroup(groupId);
    const lagging = partitionLags(snapshot.committed.get(groupId), snapshot.watermarks, topic)
      .filter(isLagging)
      .sort((a, b) => b.lag! - a.lag!)
      .slice(0, perGroup);
    const keys: string[] = [];
    for (const l of lagging) {
      const key = `${partitionKey(l.topic, l.partition)}@${l.committed}`;
      if (!wanted.has(key) && wanted.size >= limits.total) continue;
      wanted.set(key, { topic: l.topic, partition: l.partition, committed: l.committed! });
      keys.push(key);
    }
    keysOf.set(groupId, keys);
  }
  // One Fetch cannot name a partition twice: groups waiting at different offsets of one partition
  // are read in successive rounds (rarely more than one or two).
  const rounds: LaggingPartition[][] = [];
  const seen = new Map<string, number>();
  for (const w of wanted.values()) {
    const p = partitionKey(w.topic, w.partition);
    const round = seen.get(p) ?? 0;
    if (round >= (limits.maxRounds ?? Infinity)) continue;
    seen.set(p, round + 1);
    (rounds[round] ??= []).push(w);
  }
  const gateway = kafka(cluster);
  const byOffset = new Map<string, number>();
  await Promise.all(
    rounds.map(async (list) => {
      const times = await timeLags(gateway, snapshot.topology.topics, list).catch(
        () => new Map<string, number>(),
      );
      for (const w of list) {
        const ms = times.get(partitionKey(w.topic, w.partition));
        if (ms !== undefined) byOffset.set(`${partitionKey(w.topic, w.partition)}@${w.committed}`, ms);
      }
    }),
  );
  const result = new Map<string, Map<string, number>>();
  for (const groupId of groupIds) {
    const map = new Map<string, number>();
    for (const k of keysOf.get(groupId) ?? []) {
      const ms = byOffset.get(k);
      if (ms !== undefined) map.set(k.slice(0, k.lastIndexOf('@')), ms);
    }
    result.set(groupId, map);
  }
  return result;
}

/**
 * Each group's time lag (that of its partition whose next record is oldest), read on its `perGroup`
 * most lagging partitions and at most `total` partitions in all: one Fetch per leader.
 */
export async function addTimeLags(
  cluster: ClusterConfig,
  snapshot: GroupSnapshot,
  summaries: GroupSummary[],
  perGroup: number,
  total: number,
  topic?: string,
): Promise<void> {
  const times = await timeLagsOf(
    cluster,
    snapshot,
    summaries.map((s) => s.groupId),
    { perGroup, total },
    topic,
  );
  for (const s of summaries) {
    const known = [...(times.get(s.groupId)?.values() ?? [])];
    s.maxTimeLagMs = s.totalLag === 0 ? 0 : known.length ? Math.max(...known) : null;
  }
}
