import 'server-only';
import type { GroupSummary } from '@/lib/schemas/group';
import type { ClusterConfig } from '@/server/config/schema';
import {
  kafka,
  partitionKey,
  type CallOptions,
  type GroupOffsets,
  type WatermarkResult,
} from '@/server/kafka';
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

export interface TimeLagLimits {
  /** The most lagging partitions read per group (or per group as it says). */
  perGroup: number | ((groupId: string) => number);
  /** Partitions read in all. */
  total: number;
  /**
   * Fetch rounds at most: groups waiting at different offsets of one partition need one round each
   * (a Fetch cannot name a partition twice), so this bounds the cost by leaders, not by groups.
   * Partitions past the last round get no time lag.
   */
  rounds?: number;
}

/**
 * Time lag per partition (keyed by partitionKey) of each group in `groupIds`, read on its
 * `perGroup` most lagging partitions and at most `total` partitions in all, in the order of
 * `groupIds`: one Fetch per leader and round. Partitions that could not be read are missing.
 */
export async function readTimeLags(
  cluster: ClusterConfig,
  snapshot: GroupSnapshot,
  groupIds: string[],
  limits: TimeLagLimits,
  options: CallOptions & { topic?: string } = {},
): Promise<Map<string, Map<string, number>>> {
  const { topic, ...call } = options;
  const wanted = new Map<string, LaggingPartition>();
  const keysOf = new Map<string, string[]>();
  for (const groupId of groupIds) {
    const lagging = partitionLags(snapshot.committed.get(groupId), snapshot.watermarks, topic)
      .filter(isLagging)
      .sort((a, b) => b.lag! - a.lag!)
      .slice(0, typeof limits.perGroup === 'number' ? limits.perGroup : limits.perGroup(groupId));
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
    seen.set(p, round + 1);
    if (limits.rounds !== undefined && round >= limits.rounds) continue;
    (rounds[round] ??= []).push(w);
  }
  const gateway = kafka(cluster);
  const byOffset = new Map<string, number>();
  await Promise.all(
    rounds.map(async (list) => {
      const times = await timeLags(gateway, snapshot.topology.topics, list, call).catch(
        () => new Map<string, number>(),
      );
      for (const w of list) {
        const ms = times.get(partitionKey(w.topic, w.partition));
        if (ms !== undefined) byOffset.set(`${partitionKey(w.topic, w.partition)}@${w.committed}`, ms);
      }
    }),
  );
  const result = new Map<string, Map<string, number>>();
  for (const [groupId, keys] of keysOf) {
    const times = new Map<string, number>();
    for (const key of keys) {
      const ms = byOffset.get(key);
      if (ms !== undefined) times.set(key.slice(0, key.lastIndexOf('@')), ms);
    }
    result.set(groupId, times);
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
  const times = await readTimeLags(
    cluster,
    snapshot,
    summaries.map((s) => s.groupId),
    { perGroup, total },
    { topic },
  );
  for (const s of summaries) {
    const known = [...(times.get(s.groupId)?.values() ?? [])];
    s.maxTimeLagMs = s.totalLag === 0 ? 0 : known.length ? Math.max(...known) : null;
  }
}
