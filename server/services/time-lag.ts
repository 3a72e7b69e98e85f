import 'server-only';
import { fetchFrom } from '@/server/kafka/fetch';
import type { ClusterClients } from '@/server/kafka/registry';
import type { TopicMeta } from '@/server/kafka/topology';
import { partitionKey } from '@/server/kafka/watermarks';

const PEEK_BYTES = 65_536;

interface LaggingPartition {
  topic: string;
  partition: number;
  committed: number;
  high: number;
}

/** The timestamp of the record at `offset` (or the first one after it) per partition: one Fetch per leader and topic. */
async function timestampsAt(
  clients: ClusterClients,
  topics: TopicMeta[],
  wanted: { topic: string; partition: number; offset: number }[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const byTopic = new Map<string, typeof wanted>();
  for (const w of wanted) byTopic.set(w.topic, [...(byTopic.get(w.topic) ?? []), w]);
  await Promise.all(
    [...byTopic].map(async ([topic, list]) => {
      const meta = topics.find((t) => t.name === topic);
      const withLeaders = list.flatMap((w) => {
        const leader = meta?.partitions.find((p) => p.partition === w.partition)?.leader;
        return leader == null ? [] : [{ partition: w.partition, offset: w.offset, leader }];
      });
      // Timestamps only: no reading ahead for transaction markers.
      const fetched = await fetchFrom(clients, topic, withLeaders, PEEK_BYTES, false);
      for (const w of list) {
        const record = fetched.get(w.partition)?.records.find((r) => r.offset >= w.offset);
        if (record) result.set(partitionKey(topic, w.partition), record.timestamp);
      }
    }),
  );
  return result;
}

/**
 * Time lag where it is cheap to read: for each lagging partition, the timestamps of the next
 * record to consume and of the latest record, read with plain fetches (no group is joined).
 */
export async function timeLags(
  clients: ClusterClients,
  topics: TopicMeta[],
  lagging: LaggingPartition[],
): Promise<Map<string, number>> {
  if (lagging.length === 0) return new Map();
  const [next, latest] = await Promise.all([
    timestampsAt(
      clients,
      topics,
      lagging.map((l) => ({ topic: l.topic, partition: l.partition, offset: l.committed })),
    ),
    timestampsAt(
      clients,
      topics,
      lagging.map((l) => ({ topic: l.topic, partition: l.partition, offset: l.high - 1 })),
    ),
  ]);
  const result = new Map<string, number>();
  for (const l of lagging) {
    const key = partitionKey(l.topic, l.partition);
    const a = next.get(key);
    const b = latest.get(key);
    if (a !== undefined && b !== undefined) result.set(key, Math.max(0, b - a));
  }
  return result;
}
