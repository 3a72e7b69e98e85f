import 'server-only';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  readInt64,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { errorName } from '@/server/kafka/protocol/protocol-error';
import { pickVersion } from '@/server/kafka/protocol/versions';

export const WRITE_TXN_MARKERS_API_KEY = 27;
export const DESCRIBE_PRODUCERS_API_KEY = 61;
export const DESCRIBE_TRANSACTIONS_API_KEY = 65;
export const LIST_TRANSACTIONS_API_KEY = 66;

export interface ListedTransaction {
  transactionalId: string;
  producerId: number;
  state: string;
}

export interface ListTransactionsAnswer {
  error: string | null;
  transactions: ListedTransaction[];
}

/** v0 (Kafka 3.0, KIP-664) and v1 (duration filter, Kafka 3.8); both flexible. */
export const listTransactionsVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, LIST_TRANSACTIONS_API_KEY, 0, 1);

/**
 * ListTransactions => [state_filters compact-string] [producer_id_filters int64]
 *   duration_filter int64 (v1+), tagged fields
 * Response => throttle int32, error int16, [unknown_state_filters], [transactional_id, producer_id int64, state]
 * Each broker answers for the transaction-log partitions it leads.
 */
export function listTransactionsRequest(
  version: number,
  filters: { states?: string[]; producerIds?: number[] } = {},
): ProtocolRequest<ListTransactionsAnswer> {
  return {
    request: {
      apiKey: LIST_TRANSACTIONS_API_KEY,
      apiVersion: version,
      apiName: 'ListTransactions',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, filters.states ?? [], (e, s) => e.writeUVarIntString(s));
        writeCompactArray(encoder, filters.producerIds ?? [], (e, id) => e.writeInt64(String(id)));
        if (version >= 1) encoder.writeInt64('-1');
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const d = flexibleDecoder(payload);
        d.readInt32(); // throttle time
        const errorCode = d.readInt16();
        readCompactArray(d, (s) => s.readUVarIntString());
        const transactions = readCompactArray(d, (t) => {
          const entry = {
            transactionalId: t.readUVarIntString() ?? '',
            producerId: readInt64(t),
            state: t.readUVarIntString() ?? '',
          };
          t.readTaggedFields();
          return entry;
        });
        return { error: errorCode === 0 ? null : errorName(errorCode), transactions };
      },
      parse: async (decoded) => decoded,
    },
  };
}

export interface DescribedTransaction {
  transactionalId: string;
  error: string | null;
  state: string;
  timeoutMs: number;
  /** -1 when no transaction is open. */
  startTimeMs: number;
  producerId: number;
  producerEpoch: number;
  partitions: { topic: string; partition: number }[];
}

export const describeTransactionsVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, DESCRIBE_TRANSACTIONS_API_KEY, 0, 0);

/**
 * DescribeTransactions v0 (to the transactional ids' coordinator) => [transactional_id]
 * Response => throttle, [error int16, transactional_id, state, timeout_ms int32, start_time_ms int64,
 *   producer_id int64, producer_epoch int16, [topic, [partition int32]]]
 */
export function describeTransactionsRequest(
  transactionalIds: string[],
): ProtocolRequest<DescribedTransaction[]> {
  return {
    request: {
      apiKey: DESCRIBE_TRANSACTIONS_API_KEY,
      apiVersion: 0,
      apiName: 'DescribeTransactions',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, transactionalIds, (e, id) => e.writeUVarIntString(id));
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const d = flexibleDecoder(payload);
        d.readInt32(); // throttle time
        return readCompactArray(d, (t) => {
          const errorCode = t.readInt16();
          const described: DescribedTransaction = {
            error: errorCode === 0 ? null : errorName(errorCode),
            transactionalId: t.readUVarIntString() ?? '',
            state: t.readUVarIntString() ?? '',
            timeoutMs: t.readInt32(),
            startTimeMs: readInt64(t),
            producerId: readInt64(t),
            producerEpoch: t.readInt16(),
            partitions: [],
          };
          readCompactArray(t, (topic) => {
            const name = topic.readUVarIntString() ?? '';
            for (const partition of readCompactArray(topic, (p) => p.readInt32()))
              described.partitions.push({ topic: name, partition });
            topic.readTaggedFields();
          });
          t.readTaggedFields();
          return described;
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}

export interface ActiveProducer {
  producerId: number;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: number;
  coordinatorEpoch: number;
  /** The first offset of the producer's open transaction on the partition; -1 when none is open. */
  currentTxnStartOffset: number;
}

export interface PartitionProducers {
  topic: string;
  partition: number;
  error: string | null;
  errorMessage: string | null;
  producers: ActiveProducer[];
}

export const describeProducersVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, DESCRIBE_PRODUCERS_API_KEY, 0, 0);

/**
 * DescribeProducers v0 (to the partitions' leader) => [topic, [partition int32]]
 * Response => throttle, [topic, [partition int32, error int16, error_message,
 *   [producer_id int64, producer_epoch int32, last_sequence int32, last_timestamp int64,
 *    coordinator_epoch int32, current_txn_start_offset int64]]]
 */
export function describeProducersRequest(
  topics: { topic: string; partitions: number[] }[],
): ProtocolRequest<PartitionProducers[]> {
  return {
    request: {
      apiKey: DESCRIBE_PRODUCERS_API_KEY,
      apiVersion: 0,
      apiName: 'DescribeProducers',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, topics, (e, t) => {
          e.writeUVarIntString(t.topic);
          writeCompactArray(e, t.partitions, (pe, p) => pe.writeInt32(p));
          e.writeUVarInt(0);
        });
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const d = flexibleDecoder(payload);
        d.readInt32(); // throttle time
        const answers: PartitionProducers[] = [];
        readCompactArray(d, (t) => {
          const topic = t.readUVarIntString() ?? '';
          readCompactArray(t, (p) => {
            const partition = p.readInt32();
            const errorCode = p.readInt16();
            const errorMessage = p.readUVarIntString();
            const producers = readCompactArray(p, (s) => {
              const producer: ActiveProducer = {
                producerId: readInt64(s),
                producerEpoch: s.readInt32(),
                lastSequence: s.readInt32(),
                lastTimestamp: readInt64(s),
                coordinatorEpoch: s.readInt32(),
                currentTxnStartOffset: readInt64(s),
              };
              s.readTaggedFields();
              return producer;
            });
            p.readTaggedFields();
            answers.push({
              topic,
              partition,
              error: errorCode === 0 ? null : errorName(errorCode),
              errorMessage,
              producers,
            });
          });
          t.readTaggedFields();
        });
        return answers;
      },
      parse: async (decoded) => decoded,
    },
  };
}

export interface TxnMarker {
  producerId: number;
  producerEpoch: number;
  /** False writes an ABORT marker, true a COMMIT. */
  commit: boolean;
  topic: string;
  partitions: number[];
  coordinatorEpoch: number;
}

/** v1 is the flexible version every Kafka since 2.8 speaks (v0 is gone in Kafka 4). */
export const writeTxnMarkersVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, WRITE_TXN_MARKERS_API_KEY, 1, 1);

/**
 * WriteTxnMarkers v1 (to the partition leader, as a coordinator would; needs CLUSTER_ACTION) =>
 *   [producer_id int64, producer_epoch int16, transaction_result bool, [topic, [partition int32]],
 *    coordinator_epoch int32]
 * Response => [producer_id int64, [topic, [partition int32, error int16]]]
 */
export function writeTxnMarkersRequest(
  markers: TxnMarker[],
): ProtocolRequest<{ producerId: number; topic: string; partition: number; error: string | null }[]> {
  return {
    request: {
      apiKey: WRITE_TXN_MARKERS_API_KEY,
      apiVersion: 1,
      apiName: 'WriteTxnMarkers',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, markers, (e, m) => {
          e.writeInt64(String(m.producerId)).writeInt16(m.producerEpoch).writeBoolean(m.commit);
          writeCompactArray(e, [m.topic], (te, topic) => {
            te.writeUVarIntString(topic);
            writeCompactArray(te, m.partitions, (pe, p) => pe.writeInt32(p));
            te.writeUVarInt(0);
          });
          e.writeInt32(m.coordinatorEpoch).writeUVarInt(0);
        });
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const d = flexibleDecoder(payload);
        const results: { producerId: number; topic: string; partition: number; error: string | null }[] = [];
        readCompactArray(d, (m) => {
          const producerId = readInt64(m);
          readCompactArray(m, (t) => {
            const topic = t.readUVarIntString() ?? '';
            readCompactArray(t, (p) => {
              const partition = p.readInt32();
              const errorCode = p.readInt16();
              p.readTaggedFields();
              results.push({
                producerId,
                topic,
                partition,
                error: errorCode === 0 ? null : errorName(errorCode),
              });
            });
            t.readTaggedFields();
          });
          m.readTaggedFields();
        });
        return results;
      },
      parse: async (decoded) => decoded,
    },
  };
}
