import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { readTopicPartitions, type TopicPartitions } from '@/server/kafka/protocol/consumer-group-describe';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  readInt64,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { errorName } from '@/server/kafka/protocol/protocol-error';

export const SHARE_GROUP_DESCRIBE_API_KEY = 77;
export const DESCRIBE_SHARE_GROUP_OFFSETS_API_KEY = 90;

export interface DescribedShareGroup {
  groupId: string;
  error: string | null;
  errorMessage: string | null;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: {
    memberId: string;
    rackId: string | null;
    memberEpoch: number;
    clientId: string;
    clientHost: string;
    subscribedTopics: string[];
    assignment: TopicPartitions[];
  }[];
}

/** v1 is the first stable version (Kafka 4.1); v0 was an early-access format with no use here. */
export const shareGroupDescribeVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, SHARE_GROUP_DESCRIBE_API_KEY, 1, 1);

/** ShareGroupDescribe v1 (KIP-932): the members of share groups and the partitions each one fetches from. */
export function shareGroupDescribeRequest(groupIds: string[]): ProtocolRequest<DescribedShareGroup[]> {
  return {
    request: {
      apiKey: SHARE_GROUP_DESCRIBE_API_KEY,
      apiVersion: 1,
      apiName: 'ShareGroupDescribe',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, groupIds, (e, id) => e.writeUVarIntString(id));
        return encoder.writeBoolean(false).writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        decoder.readInt32(); // throttle time
        return readCompactArray(decoder, (g) => {
          const errorCode = g.readInt16();
          const errorMessage = g.readUVarIntString();
          const group: DescribedShareGroup = {
            groupId: g.readUVarIntString() ?? '',
            error: errorCode === 0 ? null : errorName(errorCode),
            errorMessage,
            state: g.readUVarIntString() ?? '',
            groupEpoch: g.readInt32(),
            assignmentEpoch: g.readInt32(),
            assignor: g.readUVarIntString() ?? '',
            members: readCompactArray(g, (m) => {
              const member = {
                memberId: m.readUVarIntString() ?? '',
                rackId: m.readUVarIntString(),
                memberEpoch: m.readInt32(),
                clientId: m.readUVarIntString() ?? '',
                clientHost: m.readUVarIntString() ?? '',
                subscribedTopics: readCompactArray(m, (s) => s.readUVarIntString() ?? ''),
                assignment: readTopicPartitions(m),
              };
              m.readTaggedFields();
              return member;
            }),
          };
          g.readInt32(); // authorized operations
          g.readTaggedFields();
          return group;
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}

export interface ShareGroupOffsets {
  groupId: string;
  error: string | null;
  /**
   * The share-partition start offset (records below it are all acknowledged or archived) and, from
   * v1, Kafka's own count of the records not yet delivered and acknowledged (null before v1).
   */
  offsets: { topic: string; partition: number; startOffset: number; lag: number | null }[];
}

export const describeShareGroupOffsetsVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, DESCRIBE_SHARE_GROUP_OFFSETS_API_KEY, 0, 1);

/** DescribeShareGroupOffsets v0/v1 for every partition of each share group (a null topic list). */
export function describeShareGroupOffsetsRequest(
  version: number,
  groupIds: string[],
): ProtocolRequest<ShareGroupOffsets[]> {
  return {
    request: {
      apiKey: DESCRIBE_SHARE_GROUP_OFFSETS_API_KEY,
      apiVersion: version,
      apiName: 'DescribeShareGroupOffsets',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, groupIds, (e, id) =>
          e.writeUVarIntString(id).writeUVarInt(0).writeUVarInt(0),
        );
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        decoder.readInt32(); // throttle time
        return readCompactArray(decoder, (g) => {
          const groupId = g.readUVarIntString() ?? '';
          const offsets: ShareGroupOffsets['offsets'] = [];
          readCompactArray(g, (t) => {
            const topic = t.readUVarIntString() ?? '';
            t.readBytes(16); // topic id
            readCompactArray(t, (p) => {
              const partition = p.readInt32();
              const startOffset = readInt64(p);
              p.readInt32(); // leader epoch
              const lag = version >= 1 ? readInt64(p) : -1;
              const errorCode = p.readInt16();
              p.readUVarIntString(); // error message
              p.readTaggedFields();
              // -1: the group has not started on the partition yet.
              if (errorCode === 0 && startOffset >= 0)
                offsets.push({ topic, partition, startOffset, lag: lag >= 0 ? lag : null });
            });
            t.readTaggedFields();
          });
          const errorCode = g.readInt16();
          g.readUVarIntString();
          g.readTaggedFields();
          return { groupId, error: errorCode === 0 ? null : errorName(errorCode), offsets };
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}
