import 'server-only';
import { CompressionTypes, Partitioners, type Message } from 'kafkajs';
import type { ClusterClients } from '@/server/kafka/registry';
import { producerFor, resetProducer } from '@/server/kafka/registry';
import type { TopicMeta } from '@/server/kafka/topology';

export const COMPRESSION = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
} as const;

export interface OutgoingMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  partition?: number;
}

/**
 * Sends messages in one produce call and reports the partition and offset of each. Partitions are
 * chosen here with kafkajs's default (Java-compatible murmur2) partitioner, so each message's
 * offset is known: the partition's base offset plus its place in that partition's batch.
 */
export async function produceMessages(
  clients: ClusterClients,
  topic: TopicMeta,
  messages: OutgoingMessage[],
  options: { compression: keyof typeof COMPRESSION; acks: -1 | 0 | 1; timeoutMs: number },
): Promise<{ partition: number; offset: number | null }[]> {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = topic.partitions.map((p) => ({
    partitionId: p.partition,
    leader: p.leader ?? -1,
    replicas: p.replicas,
    isr: p.isr,
    partitionErrorCode: 0,
  }));
  const placed: Message[] = messages.map((m) => {
    const message: Message = { key: m.key, value: m.value, headers: m.headers };
    return {
      ...message,
      partition: m.partition ?? partitioner({ topic: topic.name, partitionMetadata, message }),
    };
  });
  const send = async () =>
    (await producerFor(clients)).send({
      topic: topic.name,
      messages: placed,
      compression: COMPRESSION[options.compression],
      acks: options.acks,
      timeout: options.timeoutMs,
    });
  let metadata;
  try {
    metadata = await send();
  } catch (error) {
    // The producer refreshes metadata for every topic it ever sent to and fails every send while one
    // of them is deleted or has a partition without a leader (see resetProducer): nothing was
    // written, so a fresh producer, which knows only this topic, may try once more.
    if (!poisonsMetadata(error)) throw error;
    resetProducer(clients);
    metadata = await send();
  }
  const base = new Map(
    metadata.map((r) => [r.partition, r.baseOffset === undefined ? null : Number(r.baseOffset)]),
  );
  const seen = new Map<number, number>();
  return placed.map((m) => {
    const index = seen.get(m.partition!) ?? 0;
    seen.set(m.partition!, index + 1);
    const start = base.get(m.partition!);
    return {
      partition: m.partition!,
      offset: start === null || start === undefined || start < 0 ? null : start + index,
    };
  });
}

const POISONING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/** kafkajs wraps the protocol error once retries run out, as `cause` or `originalError`. */
function poisonsMetadata(error: unknown): boolean {
  for (
    let e = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined;
    e;
    e = (e.originalError ?? e.cause) as typeof e
  ) {
    if (e.type && POISONING.has(e.type)) return true;
  }
  return false;
}
