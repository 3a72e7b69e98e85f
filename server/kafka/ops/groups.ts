import 'server-only';
import { sendTo, settleEach } from '@/server/kafka/client/brokers-access';
import { offsetCommitRequest } from '@/server/kafka/protocol/kafkajs-requests';
import { listGroupsRequest, listGroupsVersion, type ListedGroup } from '@/server/kafka/protocol/list-groups';
import { offsetDeleteRequest } from '@/server/kafka/protocol/offset-delete';
import {
  offsetFetchRequest,
  offsetFetchVersion,
  type GroupOffsets,
} from '@/server/kafka/protocol/offset-fetch';
import { errorCode, errorName, KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import {
  describeShareGroupOffsetsRequest,
  describeShareGroupOffsetsVersion,
} from '@/server/kafka/protocol/share-group-describe';
import type { ClusterClients } from '@/server/kafka/client/registry';

export interface GroupEntry extends ListedGroup {
  /** The broker that listed the group is its coordinator. */
  coordinator: number;
}

/** Every group of the cluster: one ListGroups per broker, each answering for the groups it coordinates. */
export async function listAllGroups(
  clients: ClusterClients,
  /** null: every broker of the client's own metadata, with no Metadata request of ours first. */
  brokerIds: number[] | null,
): Promise<{ groups: GroupEntry[]; unavailableBrokers: number[] }> {
  if (brokerIds === null) await clients.raw.refreshMetadataIfNecessary?.();
  // kafkajs keeps node ids as strings.
  const ids = brokerIds ?? clients.raw.getNodeIds().map(Number);
  const { ok, failed } = await settleEach(ids, async (id) => {
    const broker = await clients.raw.findBroker({ nodeId: id });
    const version = listGroupsVersion(broker);
    if (version === null) throw new Error(`broker ${id} is older than Kafka 2.6 (ListGroups v4)`);
    return broker.connectionPool.send(listGroupsRequest(version));
  });
  const groups: GroupEntry[] = [];
  for (const [coordinator, listed] of ok) for (const g of listed) groups.push({ ...g, coordinator });
  groups.sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
  return { groups, unavailableBrokers: [...failed.keys()] };
}

/**
 * One group as its coordinator lists it, with its committed offsets, or null when it does not exist:
 * FindCoordinator, then ListGroups and OffsetFetch on that broker at once, whatever the number of
 * groups elsewhere in the cluster (a share group's offsets take one more request).
 */
export async function findGroupWithOffsets(
  clients: ClusterClients,
  groupId: string,
): Promise<{ entry: GroupEntry; offsets: Map<string, GroupOffsets> } | null> {
  await clients.raw.refreshMetadataIfNecessary?.();
  const { coordinator } = await clients.raw.findGroupCoordinatorMetadata({ groupId });
  const broker = await clients.raw.findBroker({ nodeId: coordinator.nodeId });
  const version = listGroupsVersion(broker);
  if (version === null)
    throw new Error(`broker ${coordinator.nodeId} is older than Kafka 2.6 (ListGroups v4)`);
  const provisional: GroupEntry = {
    groupId,
    coordinator: coordinator.nodeId,
    protocolType: '',
    state: '',
    type: null,
  };
  const [listed, offsets] = await Promise.all([
    broker.connectionPool.send(listGroupsRequest(version)),
    fetchCommittedOffsets(clients, [provisional]),
  ]);
  const found = listed.find((g) => g.groupId === groupId);
  if (!found) return null;
  const entry = { ...found, coordinator: coordinator.nodeId };
  return { entry, offsets: entry.type === 'share' ? await fetchCommittedOffsets(clients, [entry]) : offsets };
}

const CHUNK = 500;

/** Batches of group ids per coordinator, at most CHUNK per request. */
function batchesOf(groups: GroupEntry[]): { coordinator: number; ids: string[] }[] {
  const byCoordinator = new Map<number, string[]>();
  for (const g of groups)
    byCoordinator.set(g.coordinator, [...(byCoordinator.get(g.coordinator) ?? []), g.groupId]);
  const batches: { coordinator: number; ids: string[] }[] = [];
  for (const [coordinator, ids] of byCoordinator) {
    for (let i = 0; i < ids.length; i += CHUNK) batches.push({ coordinator, ids: ids.slice(i, i + CHUNK) });
  }
  return batches;
}

/**
 * Committed offsets of many groups: OffsetFetch v8 batches them per coordinator (chunks of 500).
 * Share groups commit nothing: their progress is the share-partition start offset and Kafka's lag,
 * from DescribeShareGroupOffsets.
 */
export async function fetchCommittedOffsets(
  clients: ClusterClients,
  groups: GroupEntry[],
): Promise<Map<string, GroupOffsets>> {
  const share = groups.filter((g) => g.type === 'share');
  const { ok } = await settleEach(
    batchesOf(groups.filter((g) => g.type !== 'share')),
    async ({ coordinator, ids }) => {
      const broker = await clients.raw.findBroker({ nodeId: coordinator });
      if (offsetFetchVersion(broker) !== null) return broker.connectionPool.send(offsetFetchRequest(ids));
      // Before Kafka 3.0 OffsetFetch takes one group per request.
      return Promise.all(
        ids.map(async (groupId) => ({
          groupId,
          error: null,
          offsets: (await clients.admin.fetchOffsets({ groupId })).flatMap((t) =>
            t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) })),
          ),
        })),
      );
    },
  );
  const shared = await settleEach(batchesOf(share), ({ coordinator, ids }) =>
    sendTo(clients, coordinator, (broker) => {
      const version = describeShareGroupOffsetsVersion(broker);
      if (version === null)
        throw new Error(`broker ${coordinator} does not support DescribeShareGroupOffsets`);
      return describeShareGroupOffsetsRequest(version, ids);
    }),
  );
  const result = new Map<string, GroupOffsets>();
  for (const list of ok.values()) for (const g of list) result.set(g.groupId, g);
  for (const list of shared.ok.values())
    for (const g of list)
      result.set(g.groupId, {
        groupId: g.groupId,
        error: g.error,
        offsets: g.offsets.map((o) => ({
          topic: o.topic,
          partition: o.partition,
          offset: o.startOffset,
          shareLag: o.lag,
        })),
      });
  return result;
}

export async function deleteGroupOffsets(
  clients: ClusterClients,
  coordinator: number,
  groupId: string,
  topic: string,
  partitions: number[],
): Promise<void> {
  const results = await sendTo(clients, coordinator, () => offsetDeleteRequest(groupId, topic, partitions));
  const failure = results.find((r) => r.error);
  if (failure)
    throw new KafkaProtocolError(
      errorCode(failure.error!),
      'OffsetDelete',
      `partition ${failure.partition}: ${failure.error}`,
    );
}

export async function deleteGroup(clients: ClusterClients, groupId: string): Promise<void> {
  await clients.admin.deleteGroups([groupId]);
}

/** Commits offsets for a group that has no members (Kafka refuses while members are active). */
export async function commitOffsets(
  clients: ClusterClients,
  coordinator: number,
  groupId: string,
  topics: { topic: string; partitions: { partition: number; offset: number }[] }[],
): Promise<void> {
  const { responses } = await sendTo(clients, coordinator, (broker) =>
    offsetCommitRequest(broker, groupId, topics),
  );
  for (const t of responses) {
    const failed = t.partitions.find((p) => p.errorCode !== 0);
    if (failed)
      throw new KafkaProtocolError(
        failed.errorCode,
        'OffsetCommit',
        `${t.topic}-${failed.partition}: ${errorName(failed.errorCode)}`,
      );
  }
}
