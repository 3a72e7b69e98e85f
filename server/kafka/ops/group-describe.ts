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
import type { ClusterClients } from '@/server/kafka/client/registry';

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
  /** Consumer groups: `reconciling` until the member owns its target assignment at the group's epoch. */
  state: 'stable' | 'reconciling' | null;
}

export interface GroupDescription {
  groupId: string;
  /** The API that described the group: each protocol has its own, and each reports the others as missing. */
  describedAs: 'classic' | 'consumer' | 'share';
  state: string;
  protocolType: string;
  /** The assignor (classic: the protocol the members agreed on). */
  protocol: string | null;
  error: string | null;
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  members: GroupMemberDescription[];
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
    })),
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
): Omit<GroupDescription, 'members'> {
  return {
    groupId: g.groupId,
    describedAs: kind,
    state: g.state,
    protocolType: kind,
    protocol: g.assignor || null,
    error: g.error,
    groupEpoch: g.groupEpoch,
    assignmentEpoch: g.assignmentEpoch,
  };
}

async function describeConsumer(clients: ClusterClients, coordinator: number, ids: string[]) {
  const groups = await sendTo(clients, coordinator, (broker) => {
    const version = consumerGroupDescribeVersion(broker);
    if (version === null) throw new Error(`broker ${coordinator} does not support ConsumerGroupDescribe`);
    return consumerGroupDescribeRequest(version, ids);
  });
  return groups.map((g): GroupDescription => ({
    ...epochGroup('consumer', g),
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
    })),
  }));
}

async function describeShare(clients: ClusterClients, coordinator: number, ids: string[]) {
  const groups = await sendTo(clients, coordinator, (broker) => {
    if (shareGroupDescribeVersion(broker) === null)
      throw new Error(`broker ${coordinator} does not support ShareGroupDescribe v1`);
    return shareGroupDescribeRequest(ids);
  });
  return groups.map((g): GroupDescription => ({
    ...epochGroup('share', g),
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
    })),
  }));
}

const DESCRIBERS = { classic: describeClassic, consumer: describeConsumer, share: describeShare };

/**
 * How each group is described, from the type ListGroups v5 gives it. Streams groups (KIP-1071)
 * have none here: their members and tasks need StreamsGroupDescribe, which the console does not
 * decode, so they keep what ListGroups and OffsetFetch say. Brokers older than ListGroups v5 give
 * no type: their groups are classic ones unless DescribeGroups says otherwise (see below).
 */
function describerOf(g: GroupEntry): keyof typeof DESCRIBERS | null {
  if (g.type === 'consumer' || g.type === 'share') return g.type;
  if (g.type === 'streams') return null;
  return 'classic';
}

/** Describes the given groups, each with its own protocol's API: one request per coordinator and protocol. */
export async function describeGroups(
  clients: ClusterClients,
  groups: GroupEntry[],
): Promise<Map<string, GroupDescription>> {
  const batches = new Map<string, { kind: keyof typeof DESCRIBERS; coordinator: number; ids: string[] }>();
  for (const g of groups) {
    const kind = describerOf(g);
    if (!kind) continue;
    const key = `${kind}/${g.coordinator}`;
    const batch = batches.get(key) ?? { kind, coordinator: g.coordinator, ids: [] };
    batch.ids.push(g.groupId);
    batches.set(key, batch);
  }
  const { ok } = await settleEach([...batches.values()], ({ kind, coordinator, ids }) =>
    DESCRIBERS[kind](clients, coordinator, ids),
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
