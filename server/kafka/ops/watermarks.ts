import 'server-only';
import { sendTo, settleEach } from '@/server/kafka/client/brokers-access';
import { EARLIEST, LATEST, listOffsetsRequest } from '@/server/kafka/protocol/list-offsets';
import type { ClusterClients } from '@/server/kafka/client/registry';
import type { TopicMeta } from '@/server/kafka/ops/topology';

export interface Watermarks {
  low: number;
  high: number;
}

export const partitionKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export interface WatermarkResult {
  /** Keyed by partitionKey(topic, partition); absent where the leader is down or answered an error. */
  offsets: Map<string, Watermarks>;
  unavailableBrokers: number[];
}

/**
 * Low and high watermarks of every partition of `topics`: two ListOffsets requests per leader
 * broker (earliest, latest), sent in parallel, never one per partition.
 */
export async function fetchWatermarks(
  clients: ClusterClients,
  topics: TopicMeta[],
): Promise<WatermarkResult> {
  const byLeader = new Map<number, { topic: string; partition: number }[]>();
  for (const topic of topics) {
    for (const p of topic.partitions) {
      if (p.leader === null) continue;
      const list = byLeader.get(p.leader) ?? [];
      list.push({ topic: topic.name, partition: p.partition });
      byLeader.set(p.leader, list);
    }
  }
  const { ok, failed } = await settleEach([...byLeader.keys()], async (leader) => {
    const partitions = byLeader.get(leader)!;
    const [earliest, latest] = await Promise.all([
      sendTo(clients, leader, (b) => listOffsetsRequest(b, partitions, EARLIEST)),
      sendTo(clients, leader, (b) => listOffsetsRequest(b, partitions, LATEST)),
    ]);
    return { earliest, latest };
  });
  const offsets = new Map<string, Watermarks>();
  for (const { earliest, latest } of ok.values()) {
    const lows = new Map<string, number>();
    for (const t of earliest.responses) {
      for (const p of t.partitions)
        if (p.errorCode === 0) lows.set(partitionKey(t.topic, p.partition), p.offset);
    }
    for (const t of latest.responses) {
      for (const p of t.partitions) {
        const key = partitionKey(t.topic, p.partition);
        const low = lows.get(key);
        if (p.errorCode === 0 && low !== undefined) offsets.set(key, { low, high: p.offset });
      }
    }
  }
  return { offsets, unavailableBrokers: [...failed.keys()].sort((a, b) => a - b) };
}

/**
 * The earliest offset whose timestamp is at or after `timestamp`, per partition (ListOffsets by time,
 * one request per leader); partitions with no such message get null (use the high watermark).
 */
export interface LeaderPartition {
  topic: string;
  partition: number;
  leader: number | null;
}

export async function fetchOffsetsForTime(
  clients: ClusterClients,
  partitions: LeaderPartition[],
  timestamp: number,
): Promise<Map<string, number | null>> {
  const byLeader = new Map<number, { topic: string; partition: number }[]>();
  for (const p of partitions) {
    if (p.leader === null) continue;
    const list = byLeader.get(p.leader);
    if (list) list.push({ topic: p.topic, partition: p.partition });
    else byLeader.set(p.leader, [{ topic: p.topic, partition: p.partition }]);
  }
  const { ok, failed } = await settleEach([...byLeader.keys()], (leader) =>
    sendTo(clients, leader, (b) => listOffsetsRequest(b, byLeader.get(leader)!, timestamp)),
  );
  if (failed.size > 0) throw [...failed.values()][0];
  const result = new Map<string, number | null>();
  for (const response of ok.values()) {
    for (const t of response.responses) {
      for (const p of t.partitions) {
        const offset = p.offset;
        result.set(partitionKey(t.topic, p.partition), p.errorCode === 0 && offset >= 0 ? offset : null);
      }
    }
  }
  return result;
}
