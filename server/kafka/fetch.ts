import 'server-only';
import FetchRequests from 'kafkajs/src/protocol/requests/fetch/index.js';
import { sendTo } from '@/server/kafka/brokers-access';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/internals';
import { errorName } from '@/server/kafka/protocol/protocol-error';
import type { ClusterClients } from '@/server/kafka/registry';

export interface FetchedRecord {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | null>;
  isControlRecord?: boolean;
}

interface FetchResponse {
  responses: {
    topicName: string;
    partitions: { partition: number; errorCode: number; highWatermark: string; messages: FetchedRecord[] }[];
  }[];
}

const FETCH_API_KEY = 1;

function fetchRequest(
  broker: RawBroker,
  topic: string,
  partitions: { partition: number; offset: number }[],
  maxBytesPerPartition: number,
): ProtocolRequest<FetchResponse> {
  const range = broker.versions?.[FETCH_API_KEY];
  const version = Math.min(11, range?.maxVersion ?? 4);
  const { request, response } = (
    FetchRequests as { protocol: (a: { version: number }) => (o: unknown) => ProtocolRequest<FetchResponse> }
  ).protocol({ version })({
    replicaId: -1,
    // Up to the high watermark, like the counts elsewhere in the console; control records are dropped below.
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
  return { request, response: { ...response, parse: async (decoded) => decoded } };
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
        for (const t of response.responses) {
          for (const p of t.partitions) {
            const last = p.messages.at(-1);
            result.set(p.partition, {
              records: p.errorCode === 0 ? p.messages.filter((m) => !m.isControlRecord) : [],
              nextOffset: p.errorCode === 0 && last ? Number(last.offset) + 1 : null,
              error: p.errorCode === 0 ? null : errorName(p.errorCode),
            });
          }
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
