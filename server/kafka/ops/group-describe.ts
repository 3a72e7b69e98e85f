import 'server-only';
import { AssignerProtocol } from 'kafkajs';
import { sendTo, settleEach } from '@/server/kafka/client/brokers-access';
import type { GroupEntry } from '@/server/kafka/ops/groups';
import {
  consumerGroupDescribeRequest,
  consumerGroupDescribeVersion,
  type TopicPartitions,
} from '@/server/kafka/protocol/consumer-group-describe';
import { describeGroupsRequest } from '@/server/kafka/protocol/kafkajs-requests';
import { errorName } from '@/server/kafka/protocol/protocol-error';
import {
  shareGroupDescribeRequest,
  shareGroupDescribeVersion,
} from '@/server/kafka/protocol/share-group-describe';
import {
  streamsGroupDescribeRequest,
  streamsGroupDescribeVersion,
  STREAMS_GROUP_DESCRIBE_API_KEY,
} from '@/server/kafka/protocol/streams-group-describe';
import { CONSUMER_GROUP_DESCRIBE_API_KEY } from '@/server/kafka/protocol/consumer-group-describe';
import { SHARE_GROUP_DESCRIBE_API_KEY } from '@/server/kafka/protocol/share-group-describe';
import {
  streamsDescription,
  type StreamsMemberDetails,
  type StreamsTopology,
} from '@/server/kafka/ops/streams-groups';
import type { ClusterClients } from '@/server/kafka/client/registry';
import type { RawBroker } from '@/server/kafka/client/internals';

export interface GroupMemberDescription {
  memberId: string;
  clientId: string;
  host: string;
  instanceId: string | null;
  rackId: string | null;
  /** Consumer and share groups: the member's epoch (classic groups have a generation for the whole group). */
  memberEpoch: number | null;
  /** In a consumer group, `classic` for a member still speaking the classic protocol. */
  memberType: string | null;
  subscribedTopics: string[] | null;
  assignments: TopicPartitions[];
  /** Consumer groups: what the member will own once it has reconciled; null where Kafka has no such notion. */
  targetAssignments: TopicPartitions[] | null;
  /** Consumer and streams groups: `reconciling` until the member owns its target at the group's epoch. */
  state: 'stable' | 'reconciling' | null;
  /** Streams groups: process, endpoint and tasks. */
  streams: StreamsMemberDetails | null;
}

/** The describe API a group's type needs, which its coordinator does not speak (at a version we do). */
export interface UnsupportedDescribe {
  api: string;
  apiKey: number;
  coordinator: number;
  /**
   * `api`: absent from the coordinator's ApiVersions (an older Kafka); `feature`: offered, but it
   * answers UNSUPPORTED_VERSION, as Kafka 4.x does while the type's feature (streams.version,
   * share.version) is disabled.
   */
  reason: 'api' | 'feature';
}

export interface GroupDescription {
  groupId: string;
  /** The API that described the group: each protocol has its own, and each reports the others as missing. */
  describedAs: 'classic' | 'consumer' | 'share' | 'streams';
  state: string;
  protocolType: string;
  /** The assignor (classic: the protocol the members agreed on). */
  protocol: string | null;
  error: string | null;
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  members: GroupMemberDescription[];
  /** Streams groups: the topology the members run (null until one has sent it). */
  topology: StreamsTopology | null;
  /** Set when nothing could be described because the coordinator lacks the API: members unknown. */
  unsupported: UnsupportedDescribe | null;
}

function decodeAssignment(protocolType: string, buffer: Buffer): TopicPartitions[] {
  if (protocolType !== 'consumer' || !buffer || buffer.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
    return Object.entries(decoded?.assignment ?? {})
      .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
      .sort((a, b) => (a.topic < b.topic ? -1 : 1));
  } catch {
    return [];
  }
}

const sameAssignment = (a: TopicPartitions[], b: TopicPartitions[]) =>
  JSON.stringify(a) === JSON.stringify(b);

async function describeClassic(clients: ClusterClients, coordinator: number, ids: string[]) {
  const { groups } = await sendTo(clients, coordinator, (broker) => describeGroupsRequest(broker, ids));
  return groups.map((g): GroupDescription => ({
    groupId: g.groupId,
    describedAs: 'classic',
    state: g.state,
    protocolType: g.protocolType,
    protocol: g.protocol || null,
    error: g.errorCode === 0 ? null : errorName(g.errorCode),
    groupEpoch: null,
    assignmentEpoch: null,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      instanceId: null,
      rackId: null,
      memberEpoch: null,
      memberType: null,
      subscribedTopics: null,
      assignments: decodeAssignment(g.protocolType, m.memberAssignment),
      targetAssignments: null,
      state: null,
      streams: null,
    })),
    topology: null,
    unsupported: null,
  }));
}

/** What consumer and share groups (KIP-848, KIP-932) report alike: state, assignor and epochs. */
function epochGroup(
  kind: 'consumer' | 'share',
  g: {
    groupId: string;
    state: string;
    assignor: string;
    error: string | null;
    groupEpoch: number;
    assignmentEpoch: number;
  },
): Omit<GroupDescription, 'members' | 'topology'> {
  return {
    groupId: g.groupId,
    describedAs: kind,
    state: g.state,
    protocolType: kind,
    protocol: g.assignor || null,
    error: g.error,
    groupEpoch: g.groupEpoch,
    assignmentEpoch: g.assignmentEpoch,
    unsupported: null,
  };
}

/**
 * The version of a describe API the coordinator speaks, or, when it speaks none we do, one
 * description per group saying so: the page then tells that the cluster does not support the
 * group's type instead of failing.
 */
async function versionOrUnsupported(
  clients: ClusterClients,
  coordinator: number,
  ids: string[],
  kind: GroupDescription['describedAs'],
  api: { api: string; apiKey: number; version: (broker: RawBroker) => number | null },
): Promise<{ version: number } | { unsupported: GroupDescription[] }> {
  const version = api.version(await clients.raw.findBroker({ nodeId: coordinator }));
  if (version !== null) return { version };
  const unsupported = { api: api.api, apiKey: api.apiKey, coordinator, reason: 'api' as const };
  return { unsupported: ids.map((groupId) => unsupportedDescription(groupId, kind, unsupported)) };
}

function unsupportedDescription(
  groupId: string,
  kind: GroupDescription['describedAs'],
  unsupported: UnsupportedDescribe,
): GroupDescription {
  return {
    groupId,
    describedAs: kind,
    state: '',
    protocolType: kind,
    protocol: null,
    error: null,
    groupEpoch: null,
    assignmentEpoch: null,
    members: [],
    topology: null,
    unsupported,
  };
}

const APIS = {
  consumer: { api: 'ConsumerGroupDescribe', apiKey: CONSUMER_GROUP_DESCRIBE_API_KEY },
  share: { api: 'ShareGroupDescribe v1', apiKey: SHARE_GROUP_DESCRIBE_API_KEY },
  streams: { api: 'StreamsGroupDescribe', apiKey: STREAMS_GROUP_DESCRIBE_API_KEY },
} as const;

/** A group the coordinator answered UNSUPPORTED_VERSION for: its type's feature is off. */
function featureOff(d: GroupDescription, coordinator: number): GroupDescription {
  if (d.error !== 'UNSUPPORTED_VERSION' || d.describedAs === 'classic') return d;
  return unsupportedDescription(d.groupId, d.describedAs, {
    ...APIS[d.describedAs],
    coordinator,
    reason: 'feature',
  });
}

async function describeConsumer(clients: ClusterClients, coordinator: number, ids: string[]) {
  const picked = await versionOrUnsupported(clients, coordinator, ids, 'consumer', {
    ...APIS.consumer,
    version: consumerGroupDescribeVersion,
  });
  if ('unsupported' in picked) return picked.unsupported;
  const groups = await sendTo(clients, coordinator, () => consumerGroupDescribeRequest(picked.version, ids));
  return groups.map((g): GroupDescription => ({
    ...epochGroup('consumer', g),
    topology: null,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      instanceId: m.instanceId,
      rackId: m.rackId,
      memberEpoch: m.memberEpoch,
      memberType: m.memberType,
      subscribedTopics: m.subscribedTopicRegex ? [m.subscribedTopicRegex] : m.subscribedTopics,
      assignments: m.assignment,
      targetAssignments: m.targetAssignment,
      state:
        m.memberEpoch === g.assignmentEpoch && sameAssignment(m.assignment, m.targetAssignment)
          ? 'stable'
          : 'reconciling',
      streams: null,
    })),
  }));
}

async function describeShare(clients: ClusterClients, coordinator: number, ids: string[]) {
  const picked = await versionOrUnsupported(clients, coordinator, ids, 'share', {
    ...APIS.share,
    version: shareGroupDescribeVersion,
  });
  if ('unsupported' in picked) return picked.unsupported;
  const groups = await sendTo(clients, coordinator, () => shareGroupDescribeRequest(ids));
  return groups.map((g): GroupDescription => ({
    ...epochGroup('share', g),
    topology: null,
    members: g.members.map((m) => ({
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.clientHost,
      instanceId: null,
      rackId: m.rackId,
      memberEpoch: m.memberEpoch,
      memberType: null,
      subscribedTopics: m.subscribedTopics,
      assignments: m.assignment,
      targetAssignments: null,
      state: null,
      streams: null,
    })),
  }));
}

async function describeStreams(clients: ClusterClients, coordinator: number, ids: string[]) {
  const picked = await versionOrUnsupported(clients, coordinator, ids, 'streams', {
    ...APIS.streams,
    version: streamsGroupDescribeVersion,
  });
  if ('unsupported' in picked) return picked.unsupported;
  const groups = await sendTo(clients, coordinator, () => streamsGroupDescribeRequest(picked.version, ids));
  return groups.map(streamsDescription);
}

const DESCRIBERS = {
  classic: describeClassic,
  consumer: describeConsumer,
  share: describeShare,
  streams: describeStreams,
};

/**
 * How each group is described, from the type ListGroups v5 gives it. Brokers older than ListGroups
 * v5 give no type: their groups are classic ones unless DescribeGroups says otherwise (see below).
 */
function describerOf(g: GroupEntry): keyof typeof DESCRIBERS {
  return g.type !== null && g.type in DESCRIBERS ? (g.type as keyof typeof DESCRIBERS) : 'classic';
}

/** Describes the given groups, each with its own protocol's API: one request per coordinator and protocol. */
export async function describeGroups(
  clients: ClusterClients,
  groups: GroupEntry[],
): Promise<Map<string, GroupDescription>> {
  const batches = new Map<string, { kind: keyof typeof DESCRIBERS; coordinator: number; ids: string[] }>();
  for (const g of groups) {
    const kind = describerOf(g);
    const key = `${kind}/${g.coordinator}`;
    const batch = batches.get(key) ?? { kind, coordinator: g.coordinator, ids: [] };
    batch.ids.push(g.groupId);
    batches.set(key, batch);
  }
  const { ok } = await settleEach([...batches.values()], async ({ kind, coordinator, ids }) =>
    (await DESCRIBERS[kind](clients, coordinator, ids)).map((d) => featureOff(d, coordinator)),
  );
  const result = new Map<string, GroupDescription>();
  for (const described of ok.values()) for (const d of described) if (!d.error) result.set(d.groupId, d);

  // Without a type from ListGroups, a consumer-protocol group answers DescribeGroups as missing or Dead.
  const untyped = groups.filter(
    (g) => g.type === null && (result.get(g.groupId)?.state ?? 'Dead') === 'Dead',
  );
  const retry = new Map<number, string[]>();
  for (const g of untyped) retry.set(g.coordinator, [...(retry.get(g.coordinator) ?? []), g.groupId]);
  const again = await settleEach([...retry], ([coordinator, ids]) =>
    describeConsumer(clients, coordinator, ids),
  );
  for (const described of again.ok.values())
    for (const d of described) if (!d.error) result.set(d.groupId, d);
  return result;
}
