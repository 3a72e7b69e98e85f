import 'server-only';
import { partitionKey, type CallOptions, type KafkaCluster, type TopicMeta } from '@/server/kafka';

const PEEK_BYTES = 65_536;

export interface LaggingPartition {
  topic: string;
  partition: number;
  committed: number;
}

/** The timestamp of the record at `offset` (or the first one after it) per partition: one Fetch per leader. */
async function timestampsAt(
  gateway: KafkaCluster,
  topics: TopicMeta[],
  wanted: { topic: string; partition: number; offset: number }[],
  options: CallOptions,
): Promise<Map<string, number>> {
  const metaOf = new Map(topics.map((t) => [t.name, t]));
  const positions = wanted.flatMap((w) => {
    const leader = metaOf.get(w.topic)?.partitions.find((p) => p.partition === w.partition)?.leader;
    return leader == null ? [] : [{ ...w, leader }];
  });
  const fetched = await gateway.peek(positions, { ...options, maxBytesPerPartition: PEEK_BYTES });
  const result = new Map<string, number>();
  for (const w of wanted) {
    const key = partitionKey(w.topic, w.partition);
    const record = fetched.get(key)?.records.find((r) => r.offset >= w.offset);
    if (record) result.set(key, record.timestamp);
  }
  return result;
}

/**
 * Time lag as the consumer lives it: how old the oldest unconsumed record is, i.e. now minus the
 * timestamp of the next record to consume (at the committed offset). One plain fetch per leader;
 * no group is joined. A stopped group's time lag grows with the clock, as it should.
 */
export async function timeLags(
  gateway: KafkaCluster,
  topics: TopicMeta[],
  lagging: LaggingPartition[],
  { now = Date.now(), ...options }: CallOptions & { now?: number } = {},
): Promise<Map<string, number>> {
  if (lagging.length === 0) return new Map();
  const next = await timestampsAt(
    gateway,
    topics,
    lagging.map((l) => ({ topic: l.topic, partition: l.partition, offset: l.committed })),
    options,
  );
  const result = new Map<string, number>();
  // A producer clock ahead of ours must not read as negative lag.
  for (const [key, timestamp] of next) result.set(key, Math.max(0, now - timestamp));
  return result;
}
