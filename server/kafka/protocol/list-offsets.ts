import 'server-only';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { Reader } from '@/server/kafka/protocol/reader';
import { pickVersion } from '@/server/kafka/protocol/versions';
import { Writer } from '@/server/kafka/protocol/writer';

export const LIST_OFFSETS_API_KEY = 2;
export const EARLIEST = -2;
export const LATEST = -1;

export interface ListOffsetsResponse {
  responses: { topic: string; partitions: { partition: number; errorCode: number; offset: number }[] }[];
}

/**
 * ListOffsets for many partitions led by one broker, all at the same timestamp (-2 earliest, -1
 * latest, else a time in ms), written and read here: a broker's answer for 4,000 partitions took
 * kafkajs ~30 ms of event loop to encode and as much to decode. v2 and v3 (the same layout; v3
 * only changes throttling) are the non-flexible versions every broker since 0.11 and Kafka 4 serve.
 * READ_UNCOMMITTED: the latest offset is the high watermark, not the last stable offset. Errors per
 * partition are data, so one moved leader does not blank out a broker's answer.
 */
export function listOffsetsRequest(
  broker: RawBroker,
  partitions: { topic: string; partition: number }[],
  timestamp: number,
  /** 1 (READ_COMMITTED): the latest offset is the last stable offset, below any open transaction. */
  isolationLevel: 0 | 1 = 0,
): ProtocolRequest<ListOffsetsResponse> {
  // A broker without a version table (not asked yet) gets v2, which every supported broker speaks.
  const version = broker.versions ? pickVersion(broker, LIST_OFFSETS_API_KEY, 2, 3) : 2;
  if (version === null) throw new Error(`No common version of ListOffsets with broker ${broker.nodeId}`);
  const byTopic = new Map<string, number[]>();
  for (const { topic, partition } of partitions) {
    const list = byTopic.get(topic);
    if (list) list.push(partition);
    else byTopic.set(topic, [partition]);
  }
  return {
    request: {
      apiKey: LIST_OFFSETS_API_KEY,
      apiVersion: version,
      apiName: 'ListOffsets',
      encode: async () => {
        const writer = new Writer(64 + partitions.length * 12 + byTopic.size * 40);
        writer.int32(-1).int8(isolationLevel).int32(byTopic.size); // replica id (a client), isolation level
        for (const [topic, ids] of byTopic) {
          writer.string(topic).int32(ids.length);
          for (const id of ids) writer.int32(id).int64(timestamp);
        }
        return writer.toEncoder();
      },
    },
    response: {
      decode: async (payload) => {
        const reader = new Reader(payload);
        reader.int32(); // throttle time
        const topics = reader.arrayLength();
        const responses: ListOffsetsResponse['responses'] = new Array(topics);
        for (let t = 0; t < topics; t++) {
          const topic = reader.string() ?? '';
          const count = reader.arrayLength();
          const list = new Array<{ partition: number; errorCode: number; offset: number }>(count);
          for (let p = 0; p < count; p++) {
            const partition = reader.int32();
            const errorCode = reader.int16();
            reader.int64(); // timestamp of the offset found
            list[p] = { partition, errorCode, offset: reader.int64() };
          }
          responses[t] = { topic, partitions: list };
        }
        return { responses };
      },
      parse: async (decoded) => decoded,
    },
  };
}
