import 'server-only';
import { pickVersion } from '@/server/kafka/protocol/versions';
import type Decoder from 'kafkajs/src/protocol/decoder.js';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import {
  flexibleDecoder,
  flexibleEncoder,
  readCompactArray,
  writeCompactArray,
} from '@/server/kafka/protocol/flexible';
import { errorName } from '@/server/kafka/protocol/protocol-error';

export const CONSUMER_GROUP_DESCRIBE_API_KEY = 69;

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface DescribedConsumerMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopics: string[];
  subscribedTopicRegex: string | null;
  assignment: TopicPartitions[];
  /** What the coordinator wants the member to own once it has reconciled. */
  targetAssignment: TopicPartitions[];
  /** v1+: `classic` for a member still on the classic protocol inside a consumer group. */
  memberType: 'classic' | 'consumer' | null;
}

export interface DescribedConsumerGroup {
  groupId: string;
  /** The group's error as data, so that one missing group does not fail its coordinator's others. */
  error: string | null;
  errorMessage: string | null;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: DescribedConsumerMember[];
}

export const consumerGroupDescribeVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, CONSUMER_GROUP_DESCRIBE_API_KEY, 0, 1);

/** Topic id (skipped: names are what the console shows), name and partitions, as in an assignment. */
export function readTopicPartitions(decoder: Decoder): TopicPartitions[] {
  const topics = readCompactArray(decoder, (t) => {
    t.readBytes(16); // topic id
    const topic = t.readUVarIntString() ?? '';
    const partitions = readCompactArray(t, (p) => p.readInt32()).sort((a, b) => a - b);
    t.readTaggedFields();
    return { topic, partitions };
  });
  decoder.readTaggedFields(); // end of the Assignment struct
  return topics.sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

const MEMBER_TYPES = { 0: 'classic', 1: 'consumer' } as const;

/**
 * ConsumerGroupDescribe (KIP-848): what DescribeGroups is to classic groups, for groups of the
 * consumer protocol, which DescribeGroups reports as Dead.
 */
export function consumerGroupDescribeRequest(
  version: number,
  groupIds: string[],
): ProtocolRequest<DescribedConsumerGroup[]> {
  return {
    request: {
      apiKey: CONSUMER_GROUP_DESCRIBE_API_KEY,
      apiVersion: version,
      apiName: 'ConsumerGroupDescribe',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, groupIds, (e, id) => e.writeUVarIntString(id));
        return encoder.writeBoolean(false).writeUVarInt(0); // no authorized operations
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        decoder.readInt32(); // throttle time
        return readCompactArray(decoder, (g) => {
          const errorCode = g.readInt16();
          const errorMessage = g.readUVarIntString();
          const group = {
            groupId: g.readUVarIntString() ?? '',
            error: errorCode === 0 ? null : errorName(errorCode),
            errorMessage,
            state: g.readUVarIntString() ?? '',
            groupEpoch: g.readInt32(),
            assignmentEpoch: g.readInt32(),
            assignor: g.readUVarIntString() ?? '',
            members: readCompactArray(g, (m): DescribedConsumerMember => {
              const member: DescribedConsumerMember = {
                memberId: m.readUVarIntString() ?? '',
                instanceId: m.readUVarIntString(),
                rackId: m.readUVarIntString(),
                memberEpoch: m.readInt32(),
                clientId: m.readUVarIntString() ?? '',
                clientHost: m.readUVarIntString() ?? '',
                subscribedTopics: readCompactArray(m, (s) => s.readUVarIntString() ?? ''),
                subscribedTopicRegex: m.readUVarIntString(),
                assignment: readTopicPartitions(m),
                targetAssignment: readTopicPartitions(m),
                memberType: null,
              };
              if (version >= 1) member.memberType = MEMBER_TYPES[m.readInt8() as 0 | 1] ?? null;
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
