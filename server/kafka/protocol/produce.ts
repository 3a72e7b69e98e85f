import 'server-only';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import { RecordBatch } from 'kafkajs/src/protocol/recordBatch/v0/index.js';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { Reader } from '@/server/kafka/protocol/reader';

/** A record as the user wrote it: headers are a list, since Kafka keeps repeated keys and their order. */
export interface OutgoingRecord {
  /** Text (written as UTF-8) or bytes as they are (a record in a schema registry's wire format). */
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: { key: string; value: string }[];
}

/**
 * One record (magic 2), headers in the order given. kafkajs's own encoder takes headers as an object,
 * which cannot hold a key twice and groups repeats of a key together.
 *
 * Record => length varint, attributes int8, timestampDelta varlong, offsetDelta varint,
 *   key varint-bytes, value varint-bytes, [header key varint-string, value varint-bytes]
 */
export function encodeRecord(record: OutgoingRecord, offsetDelta: number): Encoder {
  const body = new Encoder()
    .writeInt8(0)
    .writeVarLong(0)
    .writeVarInt(offsetDelta)
    .writeVarIntBytes(record.key)
    .writeVarIntBytes(record.value)
    .writeVarInt(record.headers.length);
  for (const header of record.headers) body.writeVarIntString(header.key).writeVarIntBytes(header.value);
  return new Encoder().writeVarInt(body.size()).writeEncoder(body);
}

/** Bytes a record batch takes before its records: the log overhead (offset, length) and the v2 header. */
export const BATCH_OVERHEAD = 61;

/** A record batch as Kafka stores it; its size is what the topic's max.message.bytes limits. */
export async function encodeBatch(records: OutgoingRecord[], compression: number): Promise<Buffer> {
  const now = Date.now();
  const batch = await RecordBatch({
    compression,
    records: records.map((r, i) => encodeRecord(r, i)),
    firstTimestamp: now,
    maxTimestamp: now,
    lastOffsetDelta: records.length - 1,
  });
  return batch.buffer.subarray(0, batch.size());
}

const PRODUCE_API_KEY = 0;
const MIN_VERSION = 3; // the first with record batches; Kafka 4 speaks nothing older
const MAX_VERSION = 8; // the last before flexible versions; it adds the broker's error message

export interface PartitionAnswer {
  partition: number;
  errorCode: number;
  baseOffset: number;
  errorMessage: string | null;
}

/**
 * Produce Request v3-v8 => transactional_id nullable-string, acks int16, timeout int32,
 *   [topic string [partition int32, records bytes]]
 * Response => [topic string [partition int32, error_code int16, base_offset int64,
 *   log_append_time int64, log_start_offset int64 (v5+),
 *   [batch_index int32, message nullable-string] (v8+), error_message nullable-string (v8+)]] throttle int32
 */
export function produceRequest(
  broker: RawBroker,
  topic: string,
  batches: { partition: number; batch: Buffer }[],
  options: { acks: -1 | 0 | 1; timeoutMs: number },
): ProtocolRequest<PartitionAnswer[] | undefined> {
  const range = broker.versions?.[PRODUCE_API_KEY];
  const version = Math.max(MIN_VERSION, Math.min(MAX_VERSION, range?.maxVersion ?? MIN_VERSION));
  return {
    request: {
      apiKey: PRODUCE_API_KEY,
      apiVersion: version,
      apiName: 'Produce',
      // Kafka sends no answer at all to acks=0.
      expectResponse: () => options.acks !== 0,
      encode: async () => {
        const partitions = batches.map(({ partition, batch }) =>
          new Encoder().writeInt32(partition).writeBytes(batch),
        );
        return new Encoder()
          .writeString(null)
          .writeInt16(options.acks)
          .writeInt32(options.timeoutMs)
          .writeArray([new Encoder().writeString(topic).writeArray(partitions)]);
      },
    },
    response: {
      decode: async (payload) => decodeProduceResponse(version, payload),
      parse: async (decoded) => decoded,
    },
    requestTimeout: options.timeoutMs + 1_000,
  };
}

function decodeProduceResponse(version: number, payload: Buffer): PartitionAnswer[] {
  const reader = new Reader(payload);
  const answers: PartitionAnswer[] = [];
  for (let topics = reader.int32(); topics > 0; topics--) {
    reader.string();
    for (let count = reader.int32(); count > 0; count--) {
      const partition = reader.int32();
      const errorCode = reader.int16();
      const baseOffset = reader.int64();
      reader.pos += 8; // log append time
      if (version >= 5) reader.pos += 8; // log start offset
      let errorMessage: string | null = null;
      if (version >= 8) {
        for (let errors = reader.int32(); errors > 0; errors--) {
          reader.int32();
          errorMessage = reader.string() ?? errorMessage;
        }
        errorMessage = reader.string() ?? errorMessage;
      }
      answers.push({ partition, errorCode, baseOffset, errorMessage });
    }
  }
  return answers;
}
