import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  readInt64,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { KafkaProtocolError, errorName } from '@/server/kafka/protocol/protocol-error';

export const DESCRIBE_LOG_DIRS_API_KEY = 35;

export interface LogDirPartition {
  topic: string;
  partition: number;
  sizeBytes: number;
  isFuture: boolean;
}

export interface LogDir {
  path: string;
  error: string | null;
  /** v4+: the volume's size and free space; -1 when unknown. */
  totalBytes: number;
  usableBytes: number;
  partitions: LogDirPartition[];
}

/** v1 is the oldest version Kafka 4 still serves; v2+ are flexible, v3 adds an error code, v4 volume sizes. */
export const describeLogDirsVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, DESCRIBE_LOG_DIRS_API_KEY, 1, 4);

/** The partitions to describe, by topic. */
export type LogDirTopics = { topic: string; partitions: number[] }[];

function encodeTopics(version: number, topics: LogDirTopics | null): Encoder {
  if (version < 2) {
    // A null topic list (-1) asks for all partitions.
    if (topics === null) return new Encoder().writeInt32(-1);
    const encoder = new Encoder().writeInt32(topics.length);
    for (const t of topics) encoder.writeString(t.topic).writeArray(t.partitions, 'int32');
    return encoder;
  }
  const encoder = flexibleEncoder();
  if (topics === null) return encoder.writeUVarInt(0).writeUVarInt(0);
  writeCompactArray(encoder, topics, (e, t) => {
    e.writeUVarIntString(t.topic);
    writeCompactArray(e, t.partitions, (pe, p) => pe.writeInt32(p));
    e.writeUVarInt(0);
  });
  return encoder.writeUVarInt(0);
}

/**
 * DescribeLogDirs for every partition a broker holds (`topics` null), or only for the given ones:
 * one request per broker either way, and a page about one topic pays only for its partitions.
 */
export function describeLogDirsRequest(
  version: number,
  topics: LogDirTopics | null = null,
): ProtocolRequest<LogDir[]> {
  const flexible = version >= 2;
  return {
    request: {
      apiKey: DESCRIBE_LOG_DIRS_API_KEY,
      apiVersion: version,
      apiName: 'DescribeLogDirs',
      encode: async () => encodeTopics(version, topics),
    },
    response: {
      decode: async (payload) => {
        const decoder = flexible ? flexibleDecoder(payload) : new Decoder(payload);
        const array = <T>(read: (d: Decoder) => T): T[] =>
          flexible ? readCompactArray(decoder, read) : decoder.readArray(read);
        const string = (d: Decoder) => (flexible ? d.readUVarIntString() : d.readString()) ?? '';
        const tags = (d: Decoder) => {
          if (flexible) d.readTaggedFields();
        };
        decoder.readInt32(); // throttle time
        if (version >= 3) {
          const errorCode = decoder.readInt16();
          if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'DescribeLogDirs');
        }
        return array((d) => {
          const errorCode = d.readInt16();
          const path = string(d);
          const partitions: LogDirPartition[] = [];
          const readTopic = (t: Decoder) => {
            const topic = string(t);
            const readPartition = (p: Decoder) => {
              const partition = p.readInt32();
              const sizeBytes = readInt64(p);
              readInt64(p); // offset lag
              const isFuture = p.readBoolean();
              tags(p);
              partitions.push({ topic, partition, sizeBytes, isFuture });
            };
            if (flexible) readCompactArray(t, readPartition);
            else t.readArray(readPartition);
            tags(t);
          };
          if (flexible) readCompactArray(d, readTopic);
          else d.readArray(readTopic);
          const totalBytes = version >= 4 ? readInt64(d) : -1;
          const usableBytes = version >= 4 ? readInt64(d) : -1;
          tags(d);
          return {
            path,
            error: errorCode === 0 ? null : errorName(errorCode),
            totalBytes,
            usableBytes,
            partitions,
          };
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}
