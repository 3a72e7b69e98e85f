import 'server-only';
import { CompressionTypes, Partitioners, type Message } from 'kafkajs';
import { createErrorFromCode } from 'kafkajs/src/protocol/error.js';
import { KafkaError } from '@/server/kafka/errors';
import { describeBrokerConfigs, describeTopicConfigs } from '@/server/kafka/ops/configs';
import { sendTo } from '@/server/kafka/client/brokers-access';
import {
  BATCH_OVERHEAD,
  encodeBatch,
  encodeRecord,
  produceRequest,
  type OutgoingRecord,
} from '@/server/kafka/protocol/produce';
import type { ClusterClients } from '@/server/kafka/client/registry';
import type { TopicMeta } from '@/server/kafka/ops/topology';

const COMPRESSION = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
} as const;

export interface OutgoingMessage extends OutgoingRecord {
  partition?: number;
}

export interface ProduceLimits {
  /** The topic's max.message.bytes: the largest record batch it takes. */
  batchBytes: number;
  /** The broker's socket.request.max.bytes: the largest request it reads. */
  requestBytes: number;
}

interface Batch {
  partition: number;
  /** Indexes into the messages sent, in order. */
  indexes: number[];
  bytes: Buffer;
}

/** Room a produce request needs around its batches: header, topic name, a partition's framing. */
const REQUEST_OVERHEAD = 1_024;
const PER_PARTITION = 8;

/**
 * Splits each partition's messages, in order, into record batches of at most `batchBytes`, as
 * Kafka's Java producer does. Everything is encoded before anything is sent, so a message that
 * cannot fit on its own is refused (naming it) with nothing written.
 */
async function planBatches(
  messages: OutgoingMessage[],
  partitions: number[],
  compression: number,
  limit: number,
): Promise<Batch[][]> {
  const byPartition = new Map<number, number[]>();
  partitions.forEach((p, i) => byPartition.set(p, [...(byPartition.get(p) ?? []), i]));
  const plans: Batch[][] = [];
  for (const [partition, indexes] of byPartition) {
    const groups: number[][] = [];
    let current: number[] = [];
    let size = BATCH_OVERHEAD;
    for (const i of indexes) {
      const own = encodeRecord(messages[i]!, 0).size();
      if (BATCH_OVERHEAD + own > limit)
        throw new KafkaError(
          'invalid',
          `Message ${i + 1} (index ${i}) takes ${BATCH_OVERHEAD + own} bytes as a record batch, more than the topic's max.message.bytes (${limit})`,
        );
      const added = encodeRecord(messages[i]!, current.length).size();
      if (current.length > 0 && size + added > limit) {
        groups.push(current);
        current = [];
        size = BATCH_OVERHEAD + own;
      } else size += added;
      current.push(i);
    }
    if (current.length) groups.push(current);
    const batches: Batch[] = [];
    // Compression rarely grows a batch, but incompressible data can: such a batch is halved until it fits.
    const encode = async (group: number[]): Promise<void> => {
      const bytes = await encodeBatch(
        group.map((i) => messages[i]!),
        compression,
      );
      if (bytes.length <= limit) batches.push({ partition, indexes: group, bytes });
      else if (group.length === 1)
        throw new KafkaError(
          'invalid',
          `Message ${group[0]! + 1} (index ${group[0]}) takes ${bytes.length} bytes compressed, more than the topic's max.message.bytes (${limit})`,
        );
      else {
        const half = Math.ceil(group.length / 2);
        await encode(group.slice(0, half));
        await encode(group.slice(half));
      }
    };
    for (const group of groups) await encode(group);
    plans.push(batches);
  }
  return plans;
}

/** Packs one round's batches, per leader, into requests below the broker's request size. */
function packRequests(
  round: Batch[],
  leaderOf: (partition: number) => number,
  topic: string,
  maxBytes: number,
): { leader: number; batches: Batch[] }[] {
  const requests: { leader: number; batches: Batch[]; size: number }[] = [];
  const overhead = REQUEST_OVERHEAD + Buffer.byteLength(topic);
  for (const batch of round) {
    const leader = leaderOf(batch.partition);
    const size = batch.bytes.length + PER_PARTITION;
    const open = requests.find((r) => r.leader === leader && r.size + size <= maxBytes);
    if (open) {
      open.batches.push(batch);
      open.size += size;
    } else requests.push({ leader, batches: [batch], size: overhead + size });
  }
  return requests;
}

/**
 * Sends messages with our own Produce requests (headers kept as a list, in order) and reports the
 * partition and offset of each. Partitions are chosen with kafkajs's default (Java-compatible
 * murmur2) partitioner. A partition's batches go one request after another, so its messages land in
 * the order given; partitions are written side by side. Each message's offset is its batch's base
 * offset plus its place in the batch.
 */
export interface ProduceOptions {
  compression: keyof typeof COMPRESSION;
  acks: -1 | 0 | 1;
  timeoutMs: number;
  limits: ProduceLimits;
}

export async function produceMessages(
  clients: ClusterClients,
  topic: TopicMeta,
  messages: OutgoingMessage[],
  options: ProduceOptions,
): Promise<{ partition: number; offset: number | null }[]> {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = topic.partitions.map((p) => ({
    partitionId: p.partition,
    leader: p.leader ?? -1,
    replicas: p.replicas,
    isr: p.isr,
    partitionErrorCode: 0,
  }));
  const partitions = messages.map((m) => {
    const message: Message = { key: m.key, value: m.value };
    return m.partition ?? partitioner({ topic: topic.name, partitionMetadata, message });
  });
  const plans = await planBatches(
    messages,
    partitions,
    COMPRESSION[options.compression],
    options.limits.batchBytes,
  );
  const leaders = new Map(topic.partitions.map((p) => [p.partition, p.leader ?? -1]));
  const offsets: (number | null)[] = messages.map(() => null);
  let written = 0;
  for (let round = 0; plans.some((plan) => plan[round]); round++) {
    const batches = plans.flatMap((plan) => plan.slice(round, round + 1));
    const requests = packRequests(batches, (p) => leaders.get(p)!, topic.name, options.limits.requestBytes);
    try {
      await Promise.all(
        requests.map(async ({ leader, batches: sent }) => {
          // Undefined with acks=0: Kafka does not answer.
          const answers = await sendTo(clients, leader, (broker) =>
            produceRequest(
              broker,
              topic.name,
              sent.map((b) => ({ partition: b.partition, batch: b.bytes })),
              options,
            ),
          );
          if (!answers) {
            written += sent.reduce((n, b) => n + b.indexes.length, 0);
            return;
          }
          const failed = answers.find((a) => a.errorCode !== 0);
          for (const batch of sent) {
            const answer = answers.find((a) => a.partition === batch.partition && a.errorCode === 0);
            if (!answer) continue;
            written += batch.indexes.length;
            batch.indexes.forEach((index, place) => {
              offsets[index] = answer.baseOffset >= 0 ? answer.baseOffset + place : null;
            });
          }
          if (failed) {
            const error = createErrorFromCode(failed.errorCode);
            if (failed.errorMessage) error.message = `${error.message} (${failed.errorMessage})`;
            throw error;
          }
        }),
      );
    } catch (error) {
      // Earlier requests were written: say so, rather than let a retry duplicate them.
      if (written > 0 && error instanceof Error)
        error.message = `${error.message}; ${written} of ${messages.length} messages were written before it`;
      throw error;
    }
  }
  return messages.map((_, i) => ({ partition: partitions[i]!, offset: offsets[i]! }));
}

/** Kafka's defaults for message.max.bytes and socket.request.max.bytes. */
const DEFAULT_BATCH_BYTES = 1_048_588;
const DEFAULT_REQUEST_BYTES = 104_857_600;

/** The topic's batch size limit (its max.message.bytes, else the broker's message.max.bytes) and the broker's request size limit. */
export async function produceLimits(clients: ClusterClients, topic: TopicMeta): Promise<ProduceLimits> {
  const leader = topic.partitions.find((p) => p.leader !== null)?.leader;
  const [topicConfigs, brokerConfigs] = await Promise.all([
    describeTopicConfigs(clients, topic.name).catch(() => []),
    leader === undefined || leader === null ? [] : describeBrokerConfigs(clients, leader).catch(() => []),
  ]);
  const read = (configs: { name: string; value: string | null }[], name: string, fallback: number) => {
    const value = Number(configs.find((c) => c.name === name)?.value ?? NaN);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    batchBytes: read(topicConfigs, 'max.message.bytes', DEFAULT_BATCH_BYTES),
    requestBytes: read(brokerConfigs, 'socket.request.max.bytes', DEFAULT_REQUEST_BYTES),
  };
}
