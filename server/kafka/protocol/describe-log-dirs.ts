import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { Reader } from '@/server/kafka/protocol/reader';
import { Writer } from '@/server/kafka/protocol/writer';
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

function encodeTopics(version: number, topics: LogDirTopics | null): Writer {
  const writer = new Writer(topics === null ? 16 : 64 + topics.length * 48);
  if (version < 2) {
    // A null topic list (-1) asks for all partitions.
    if (topics === null) return writer.int32(-1);
    writer.int32(topics.length);
    for (const t of topics) {
      writer.string(t.topic).int32(t.partitions.length);
      for (const p of t.partitions) writer.int32(p);
    }
    return writer;
  }
  writer.uvarint(0); // request header v2's tagged fields (see flexible.ts)
  if (topics === null) return writer.uvarint(0).uvarint(0);
  writer.uvarint(topics.length + 1);
  for (const t of topics) {
    writer.compactString(t.topic).uvarint(t.partitions.length + 1);
    for (const p of t.partitions) writer.int32(p);
    writer.uvarint(0);
  }
  return writer.uvarint(0);
}

/**
 * DescribeLogDirs for every partition a broker holds (`topics` null), or only for the given ones:
 * one request per broker either way, and a page about one topic pays only for its partitions.
 */
export function describeLogDirsRequest(
  version: number,
  topics: LogDirTopics | null = null,
): ProtocolRequest<LogDir[]> {
  return {
    request: {
      apiKey: DESCRIBE_LOG_DIRS_API_KEY,
      apiVersion: version,
      apiName: 'DescribeLogDirs',
      encode: async () => encodeTopics(version, topics).toEncoder(),
    },
    response: {
      decode: async (payload) => decodeLogDirs(new Reader(payload), version),
      parse: async (decoded) => decoded,
    },
  };
}

/** Read straight from the buffer: a broker's answer for 12,000 replicas is ~300 KB. */
function decodeLogDirs(reader: Reader, version: number): LogDir[] {
  const flexible = version >= 2;
  const count = () => (flexible ? reader.compactLength() : reader.arrayLength());
  const string = () => (flexible ? reader.compactString() : reader.string()) ?? '';
  const tags = () => {
    if (flexible) reader.skipTags();
  };
  tags(); // response header v1
  reader.int32(); // throttle time
  if (version >= 3) {
    const errorCode = reader.int16();
    if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'DescribeLogDirs');
  }
  const dirs = count();
  const result: LogDir[] = [];
  for (let d = 0; d < dirs; d++) {
    const errorCode = reader.int16();
    const path = string();
    const partitions: LogDirPartition[] = [];
    const topics = count();
    for (let t = 0; t < topics; t++) {
      const topic = string();
      const parts = count();
      for (let p = 0; p < parts; p++) {
        const partition = reader.int32();
        const sizeBytes = reader.int64();
        reader.int64(); // offset lag
        const isFuture = reader.bool();
        tags();
        partitions.push({ topic, partition, sizeBytes, isFuture });
      }
      tags();
    }
    const totalBytes = version >= 4 ? reader.int64() : -1;
    const usableBytes = version >= 4 ? reader.int64() : -1;
    tags();
    result.push({
      path,
      error: errorCode === 0 ? null : errorName(errorCode),
      totalBytes,
      usableBytes,
      partitions,
    });
  }
  return result;
}
