import 'server-only';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import Encoder from 'kafkajs/src/protocol/encoder.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';
import { errorName, KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';

/** OffsetDelete v0 (KIP-496): removes a group's committed offsets for some partitions; kafkajs lacks it. */
export function offsetDeleteRequest(
  groupId: string,
  topic: string,
  partitions: number[],
): ProtocolRequest<{ partition: number; error: string | null }[]> {
  return {
    request: {
      apiKey: 47,
      apiVersion: 0,
      apiName: 'OffsetDelete',
      encode: async () => {
        const encoder = new Encoder()
          .writeString(groupId)
          .writeInt32(1)
          .writeString(topic)
          .writeInt32(partitions.length);
        for (const p of partitions) encoder.writeInt32(p);
        return encoder;
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = new Decoder(payload);
        const errorCode = decoder.readInt16();
        decoder.readInt32(); // throttle time
        if (errorCode !== 0) throw new KafkaProtocolError(errorCode, 'OffsetDelete');
        return decoder
          .readArray((t) => {
            t.readString();
            return t.readArray((p) => {
              const partition = p.readInt32();
              const code = p.readInt16();
              return { partition, error: code === 0 ? null : errorName(code) };
            });
          })
          .flat();
      },
      parse: async (decoded) => decoded,
    },
  };
}
