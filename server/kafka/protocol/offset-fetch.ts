import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  readInt64,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { errorName } from '@/server/kafka/protocol/protocol-error';

export const OFFSET_FETCH_API_KEY = 9;

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** -1 when the group has no commit for the partition; for a share group, its share-partition start offset. */
  offset: number;
  /** Share groups: Kafka's own lag (records not yet acknowledged), which the start offset alone does not give. */
  shareLag?: number | null;
}

export interface GroupOffsets {
  groupId: string;
  error: string | null;
  offsets: CommittedOffset[];
}

/** OffsetFetch v8 (KIP-709) asks for many groups at once; older brokers need one request per group. */
export const offsetFetchVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, OFFSET_FETCH_API_KEY, 8, 8);

/** The committed offsets of every partition of each group (a null topic list means all of them). */
export function offsetFetchRequest(groupIds: string[]): ProtocolRequest<GroupOffsets[]> {
  return {
    request: {
      apiKey: OFFSET_FETCH_API_KEY,
      apiVersion: 8,
      apiName: 'OffsetFetch',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, groupIds, (e, groupId) => {
          e.writeUVarIntString(groupId).writeUVarInt(0).writeUVarInt(0); // all topics; no tagged fields
        });
        return encoder.writeBoolean(false).writeUVarInt(0); // RequireStable: false
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        decoder.readInt32(); // throttle time
        return readCompactArray(decoder, (g) => {
          const groupId = g.readUVarIntString() ?? '';
          const offsets: CommittedOffset[] = [];
          readCompactArray(g, (t) => {
            const topic = t.readUVarIntString() ?? '';
            readCompactArray(t, (p) => {
              const partition = p.readInt32();
              const offset = readInt64(p);
              p.readInt32(); // committed leader epoch
              p.readUVarIntString(); // metadata
              const errorCode = p.readInt16();
              p.readTaggedFields();
              if (errorCode === 0) offsets.push({ topic, partition, offset });
            });
            t.readTaggedFields();
          });
          const errorCode = g.readInt16();
          g.readTaggedFields();
          return { groupId, error: errorCode === 0 ? null : errorName(errorCode), offsets };
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}
