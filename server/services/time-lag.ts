import 'server-only';
import { partitionKey, type KafkaCluster, type TopicMeta } from '@/server/kafka';

const PEEK_BYTES = 65_536;

export interface LaggingPartition {
  topic: string;
  partition: number;
  committed: number;
}

/** The timestamp of the record at `offset` (or the first one after it) per partition: one Fetch per leader and topic. */
async function timestampsAt(
  gateway: KafkaCluster,
  topics: TopicMeta[],
  wanted: { topic: string; partition: number; offset: number }[],
): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const byTopic = new Map<string, typeof wanted>();
  for (const w of wanted) {
    const list = byTopic.get(w.topic);
    if (list) list.push(w);
    else byTopic.set(w.topic, [w]);
  }
  const metaOf = new Map(topics.map((t) => [t.name, t]));
  await Promise.all(
    [...byTopic].map(async ([topic, list]) => {
      const meta = metaOf.get(topic);
      const withLeaders = list.flatMap((w) => {
        const leader = meta?.partitions.find((p) => p.partition === w.partition)?.leader;
        return leader == null ? [] : [{ partition: w.partition, offset: w.offset, leader }];
      });
      // Timestamps only: no reading ahead for transaction markers.
      const fetched = await gateway.fetch(topic, withLeaders, {
        maxBytesPerPartition: PEEK_BYTES,
        settleTransactions: false,
      });
      for (const w of list) {
        const record = fetched.get(w.partition)?.records.find((r) => r.offset >= w.offset);
        if (record) result.set(partitionKey(topic, w.partition), record.timestamp);
      }
    }),
  );
  return result;
}

/**
 * Time lag as the consumer lives it: how old the oldest unconsumed record is, i.e. now minus the
 * timestamp of the next record to consume (at the committed offset). One plain fetch per leader and
 * topic; no group is joined. A stopped group's time lag grows with the clock, as it should.
 */
export async function timeLags(
  gateway: KafkaCluster,
  topics: TopicMeta[],
  lagging: LaggingPartition[],
  now = Date.now(),
): Promise<Map<string, number>> {
  if (lagging.length === 0) return new Map();
  const next = await timestampsAt(
    gateway,
    topics,
    lagging.map((l) => ({ topic: l.topic, partition: l.partition, offset: l.committed })),
  );
  const result = new Map<string, number>();
  // A producer clock ahead of ours must not read as negative lag.
  for (const [key, timestamp] of next) result.set(key, Math.max(0, now - timestamp));
  return result;
}
