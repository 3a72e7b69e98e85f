import 'server-only';
import FetchRequests from 'kafkajs/src/protocol/requests/fetch/index.js';
import { sendTo } from '@/server/kafka/brokers-access';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/internals';
import { errorName } from '@/server/kafka/protocol/protocol-error';
import { Reader } from '@/server/kafka/protocol/reader';
import { decodeRecordSet, type FetchedRecord } from '@/server/kafka/record-batch';
import type { ClusterClients } from '@/server/kafka/registry';

export type { FetchedRecord } from '@/server/kafka/record-batch';

interface RawPartition {
  partition: number;
  errorCode: number;
  records: Buffer | null;
}

const FETCH_API_KEY = 1;
const MIN_VERSION = 4; // the first with record batches (magic 2), Kafka 0.11
const MAX_VERSION = 11; // the last before flexible versions

/**
 * Fetch response v4-v11, decoded here so record sets reach our record-batch decoder untouched
 * (kafkajs's decoder loses each batch's codec).
 *
 * Fetch Response => throttle_time_ms int32 [error_code int16 session_id int32 (v7+)]
 *   [topic string [partition int32 error_code int16 high_watermark int64 last_stable_offset int64
 *   [log_start_offset int64 (v5+)] [aborted_transactions: producer_id int64 first_offset int64]
 *   [preferred_read_replica int32 (v11+)] records bytes]]
 */
function decodeFetchResponse(version: number, payload: Buffer): RawPartition[] {
  const reader = new Reader(payload);
  reader.int32();
  if (version >= 7) {
    const errorCode = reader.int16();
    reader.int32();
    if (errorCode !== 0) throw new Error(errorName(errorCode));
  }
  const partitions: RawPartition[] = [];
  for (let topics = reader.int32(); topics > 0; topics--) {
    reader.string();
    for (let count = reader.int32(); count > 0; count--) {
      const partition = reader.int32();
      const errorCode = reader.int16();
      reader.pos += 16; // high watermark, last stable offset
      if (version >= 5) reader.pos += 8; // log start offset
      const aborted = reader.int32();
      if (aborted > 0) reader.pos += aborted * 16;
      if (version >= 11) reader.pos += 4; // preferred read replica
      const size = reader.int32();
      partitions.push({ partition, errorCode, records: size < 0 ? null : reader.bytes(size) });
    }
  }
  return partitions;
}

function fetchRequest(
  broker: RawBroker,
  topic: string,
  partitions: { partition: number; offset: number }[],
  maxBytesPerPartition: number,
): ProtocolRequest<RawPartition[]> {
  const range = broker.versions?.[FETCH_API_KEY];
  const version = Math.max(MIN_VERSION, Math.min(MAX_VERSION, range?.maxVersion ?? MIN_VERSION));
  const { request } = (
    FetchRequests as { protocol: (a: { version: number }) => (o: unknown) => ProtocolRequest<unknown> }
  ).protocol({ version })({
    replicaId: -1,
    // Up to the high watermark, like the counts elsewhere in the console; control records are dropped.
    isolationLevel: 0,
    maxWaitTime: 0,
    minBytes: 0,
    maxBytes: maxBytesPerPartition * partitions.length,
    topics: [
      {
        topic,
        partitions: partitions.map((p) => ({
          partition: p.partition,
          fetchOffset: String(p.offset),
          maxBytes: maxBytesPerPartition,
        })),
      },
    ],
  });
  return {
    request,
    response: {
      decode: async (payload) => decodeFetchResponse(version, payload),
      parse: async (decoded) => decoded,
    },
  };
}

export interface PartitionFetch {
  records: FetchedRecord[];
  /** One past the last offset read, control records (transaction markers) included; null when nothing came. */
  nextOffset: number | null;
  error: string | null;
}

/**
 * Reads records of one topic from given offsets with plain Fetch requests to each partition's
 * leader, one request per leader: no consumer group is joined and no offset is committed.
 */
export async function fetchFrom(
  clients: ClusterClients,
  topic: string,
  partitions: { partition: number; offset: number; leader: number }[],
  maxBytesPerPartition = 1_048_576,
): Promise<Map<number, PartitionFetch>> {
  const byLeader = new Map<number, { partition: number; offset: number }[]>();
  for (const p of partitions) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p]);
  const result = new Map<number, PartitionFetch>();
  await Promise.all(
    [...byLeader].map(async ([leader, list]) => {
      try {
        const response = await sendTo(clients, leader, (broker) =>
          fetchRequest(broker, topic, list, maxBytesPerPartition),
        );
        for (const p of response) {
          if (p.errorCode !== 0) {
            result.set(p.partition, { records: [], nextOffset: null, error: errorName(p.errorCode) });
            continue;
          }
          const set = await decodeRecordSet(p.records).catch((error: Error) => error);
          result.set(
            p.partition,
            set instanceof Error
              ? { records: [], nextOffset: null, error: `undecodable records: ${set.message}` }
              : { ...set, error: null },
          );
        }
      } catch (error) {
        for (const p of list)
          result.set(p.partition, {
            records: [],
            nextOffset: null,
            error: `broker ${leader}: ${(error as Error).message}`,
          });
      }
    }),
  );
  return result;
}
