import 'server-only';
import type Decoder from 'kafkajs/src/protocol/decoder.js';
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

export const STREAMS_GROUP_DESCRIBE_API_KEY = 89;

/** A task of a sub-topology: the partitions of its source topics it processes. */
export interface StreamsTaskIds {
  subtopology: string;
  partitions: number[];
}

export interface StreamsTasks {
  active: StreamsTaskIds[];
  standby: StreamsTaskIds[];
  warmup: StreamsTaskIds[];
}

/** An internal topic of a sub-topology as the application declared it (0 partitions: not fixed). */
export interface StreamsTopicInfo {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: { key: string; value: string }[];
}

export interface StreamsSubtopology {
  subtopologyId: string;
  sourceTopics: string[];
  repartitionSinkTopics: string[];
  stateChangelogTopics: StreamsTopicInfo[];
  repartitionSourceTopics: StreamsTopicInfo[];
}

export interface DescribedStreamsMember {
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  topologyEpoch: number;
  /** One Kafka Streams instance (process) runs several members, one per stream thread. */
  processId: string;
  /** `application.server`: where the instance answers interactive queries; null when not set. */
  userEndpoint: { host: string; port: number } | null;
  clientTags: { key: string; value: string }[];
  assignment: StreamsTasks;
  targetAssignment: StreamsTasks;
  /** A member still on the classic protocol inside the streams group. */
  isClassic: boolean;
}

export interface DescribedStreamsGroup {
  groupId: string;
  error: string | null;
  errorMessage: string | null;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  /** Null until a member has sent the application's topology. */
  topology: { epoch: number; subtopologies: StreamsSubtopology[] } | null;
  members: DescribedStreamsMember[];
  /** v1: the server-side assignor (`sticky`); null before v1. */
  assignor: string | null;
}

/** v0 is Kafka 4.1's; v1 (Kafka 4.4) adds the assignor's name and an optional topology description. */
export const streamsGroupDescribeVersion = (broker: RawBroker): number | null =>
  pickVersion(broker, STREAMS_GROUP_DESCRIBE_API_KEY, 0, 1);

const readString = (d: Decoder) => d.readUVarIntString() ?? '';
const readStrings = (d: Decoder) => readCompactArray(d, readString);

function readKeyValues(d: Decoder) {
  return readCompactArray(d, (kv) => {
    const entry = { key: readString(kv), value: readString(kv) };
    kv.readTaggedFields();
    return entry;
  });
}

function readTopicInfos(d: Decoder): StreamsTopicInfo[] {
  return readCompactArray(d, (t) => {
    const info = {
      name: readString(t),
      partitions: t.readInt32(),
      replicationFactor: t.readInt16(),
      configs: readKeyValues(t),
    };
    t.readTaggedFields();
    return info;
  });
}

function readTasks(d: Decoder): StreamsTasks {
  const taskIds = () =>
    readCompactArray(d, (t) => {
      const task = {
        subtopology: readString(t),
        partitions: readCompactArray(t, (p) => p.readInt32()).sort((a, b) => a - b),
      };
      t.readTaggedFields();
      return task;
    }).sort((a, b) => a.subtopology.localeCompare(b.subtopology, 'en', { numeric: true }));
  const tasks = { active: taskIds(), standby: taskIds(), warmup: taskIds() };
  d.readTaggedFields();
  return tasks;
}

/** A nullable struct is one signed byte first: -1 for null, 1 for present. */
const present = (d: Decoder) => d.readInt8() >= 0;

function readTopology(d: Decoder): DescribedStreamsGroup['topology'] {
  if (!present(d)) return null;
  const epoch = d.readInt32();
  const subtopologies = readCompactArray(d, (s): StreamsSubtopology => {
    const sub = {
      subtopologyId: readString(s),
      sourceTopics: readStrings(s),
      repartitionSinkTopics: readStrings(s),
      stateChangelogTopics: readTopicInfos(s),
      repartitionSourceTopics: readTopicInfos(s),
    };
    s.readTaggedFields();
    return sub;
  });
  d.readTaggedFields();
  return { epoch, subtopologies };
}

function skipTopologyNode(d: Decoder): void {
  readString(d); // name
  d.readInt8(); // node type
  readStrings(d); // source topics
  d.readUVarIntString(); // sink topic
  readStrings(d); // stores
  readStrings(d); // successors
  d.readTaggedFields();
}

/** v1's topology description (KIP-1331), filled only when asked for and a plugin provides it: skipped. */
function skipTopologyDescription(d: Decoder): void {
  if (!present(d)) return;
  readCompactArray(d, (s) => {
    readString(s);
    readCompactArray(s, skipTopologyNode);
    s.readTaggedFields();
  });
  readCompactArray(d, (g) => {
    skipTopologyNode(g); // source
    skipTopologyNode(g); // processor
    g.readTaggedFields();
  });
  d.readTaggedFields();
}

function readMember(m: Decoder): DescribedStreamsMember {
  const member: DescribedStreamsMember = {
    memberId: readString(m),
    memberEpoch: m.readInt32(),
    instanceId: m.readUVarIntString(),
    rackId: m.readUVarIntString(),
    clientId: readString(m),
    clientHost: readString(m),
    topologyEpoch: m.readInt32(),
    processId: readString(m),
    userEndpoint: null,
    clientTags: [],
    assignment: { active: [], standby: [], warmup: [] },
    targetAssignment: { active: [], standby: [], warmup: [] },
    isClassic: false,
  };
  if (present(m)) {
    member.userEndpoint = { host: readString(m), port: m.readInt16() & 0xffff };
    m.readTaggedFields();
  }
  member.clientTags = readKeyValues(m);
  // Task offsets and end offsets: the members' own progress reports, which the lag from OffsetFetch covers.
  for (let i = 0; i < 2; i++)
    readCompactArray(m, (o) => {
      readString(o);
      o.readInt32();
      readInt64(o);
      o.readTaggedFields();
    });
  member.assignment = readTasks(m);
  member.targetAssignment = readTasks(m);
  member.isClassic = m.readBoolean();
  m.readTaggedFields();
  return member;
}

/**
 * StreamsGroupDescribe (KIP-1071): what ConsumerGroupDescribe is to consumer groups, for Kafka
 * Streams applications of the streams protocol: the topology the group's members run and the tasks
 * each member has. Field order as in Kafka 4.4's StreamsGroupDescribeResponse schema.
 */
export function streamsGroupDescribeRequest(
  version: number,
  groupIds: string[],
): ProtocolRequest<DescribedStreamsGroup[]> {
  return {
    request: {
      apiKey: STREAMS_GROUP_DESCRIBE_API_KEY,
      apiVersion: version,
      apiName: 'StreamsGroupDescribe',
      encode: async () => {
        const encoder = flexibleEncoder();
        writeCompactArray(encoder, groupIds, (e, id) => e.writeUVarIntString(id));
        encoder.writeBoolean(false); // no authorized operations
        if (version >= 1) encoder.writeBoolean(false); // no topology description
        return encoder.writeUVarInt(0);
      },
    },
    response: {
      decode: async (payload) => {
        const decoder = flexibleDecoder(payload);
        decoder.readInt32(); // throttle time
        return readCompactArray(decoder, (g): DescribedStreamsGroup => {
          const errorCode = g.readInt16();
          const errorMessage = g.readUVarIntString();
          const group: DescribedStreamsGroup = {
            groupId: readString(g),
            error: errorCode === 0 ? null : errorName(errorCode),
            errorMessage,
            state: readString(g),
            groupEpoch: g.readInt32(),
            assignmentEpoch: g.readInt32(),
            topology: readTopology(g),
            members: readCompactArray(g, readMember),
            assignor: null,
          };
          g.readInt32(); // authorized operations
          if (version >= 1) {
            skipTopologyDescription(g);
            g.readInt8(); // topology description status
            group.assignor = g.readUVarIntString();
          }
          g.readTaggedFields();
          return group;
        });
      },
      parse: async (decoded) => decoded,
    },
  };
}
