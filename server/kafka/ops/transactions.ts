import 'server-only';
import { sendTo, settleEach } from '@/server/kafka/client/brokers-access';
import type { ClusterClients } from '@/server/kafka/client/registry';
import { KafkaError, toKafkaError } from '@/server/kafka/errors';
import { partitionKey, type LeaderPartition } from '@/server/kafka/ops/watermarks';
import { LATEST, listOffsetsRequest } from '@/server/kafka/protocol/list-offsets';
import { errorCode, KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import {
  describeProducersRequest,
  describeProducersVersion,
  describeTransactionsRequest,
  describeTransactionsVersion,
  listTransactionsRequest,
  listTransactionsVersion,
  writeTxnMarkersRequest,
  writeTxnMarkersVersion,
  type DescribedTransaction,
  type ListedTransaction,
  type PartitionProducers,
  type TxnMarker,
} from '@/server/kafka/protocol/transactions';

/** FindCoordinator's key type for transactional ids. */
const TRANSACTION_COORDINATOR = 1;

export interface TransactionEntry extends ListedTransaction {
  /** The broker that listed it leads its transaction-log partition: its coordinator. */
  coordinator: number;
}

/** Every transactional id the coordinators keep: one ListTransactions per broker. */
export async function listAllTransactions(
  clients: ClusterClients,
  filters: { states?: string[]; producerIds?: number[] } = {},
): Promise<{ transactions: TransactionEntry[]; unavailableBrokers: number[]; unsupported: boolean }> {
  await clients.raw.refreshMetadataIfNecessary?.();
  const ids = clients.raw.getNodeIds().map(Number);
  let unsupported = false;
  const { ok, failed } = await settleEach(ids, (id) =>
    sendTo(clients, id, (broker) => {
      const version = listTransactionsVersion(broker);
      if (version === null) {
        unsupported = true;
        throw new Error(`broker ${id} does not support ListTransactions (Kafka 3.0+)`);
      }
      return listTransactionsRequest(version, filters);
    }).then((answer) => {
      if (answer.error) throw new KafkaProtocolError(errorCode(answer.error), 'ListTransactions');
      return answer.transactions;
    }),
  );
  const transactions: TransactionEntry[] = [];
  for (const [coordinator, listed] of ok) for (const t of listed) transactions.push({ ...t, coordinator });
  transactions.sort((a, b) => (a.transactionalId < b.transactionalId ? -1 : 1));
  return { transactions, unavailableBrokers: [...failed.keys()].sort((a, b) => a - b), unsupported };
}

/**
 * DescribeTransactions on each id's coordinator, batched per coordinator. An id listed with its
 * coordinator (ListTransactions names it) goes straight there; others are looked up first
 * (FindCoordinator key type 1).
 */
export async function describeTransactions(
  clients: ClusterClients,
  transactionalIds: (string | { transactionalId: string; coordinator: number })[],
): Promise<Map<string, DescribedTransaction>> {
  const byCoordinator = new Map<number, string[]>();
  for (const entry of transactionalIds) {
    const id = typeof entry === 'string' ? entry : entry.transactionalId;
    const nodeId =
      typeof entry === 'string'
        ? (
            await clients.raw.findGroupCoordinatorMetadata({
              groupId: id,
              coordinatorType: TRANSACTION_COORDINATOR,
            })
          ).coordinator.nodeId
        : entry.coordinator;
    byCoordinator.set(nodeId, [...(byCoordinator.get(nodeId) ?? []), id]);
  }
  const described = new Map<string, DescribedTransaction>();
  const { ok, failed } = await settleEach([...byCoordinator.keys()], (nodeId) =>
    sendTo(clients, nodeId, (broker) => {
      if (describeTransactionsVersion(broker) === null)
        throw new Error(`broker ${nodeId} does not support DescribeTransactions (Kafka 3.0+)`);
      return describeTransactionsRequest(byCoordinator.get(nodeId)!);
    }),
  );
  // One coordinator down leaves its ids undescribed; all of them down is a failure.
  if (ok.size === 0 && failed.size > 0) throw [...failed.values()][0];
  for (const answers of ok.values()) for (const a of answers) described.set(a.transactionalId, a);
  return described;
}

/** Kafka's error name for a failure that carries none (the broker did not answer, or not in time). */
const NAME_OF_KIND: Partial<Record<KafkaError['kind'], string>> = {
  unavailable: 'BROKER_NOT_AVAILABLE',
  timeout: 'REQUEST_TIMED_OUT',
  unsupported: 'UNSUPPORTED_VERSION',
};

/**
 * Why a leader's whole DescribeProducers failed, as each of its partitions reports it: Kafka's error
 * name where Kafka gave one (an authorization failure, an unsupported version), else what the failure
 * was (unreachable, timed out), with the failure's own message.
 */
export function leaderFailure(leader: number, error: unknown): { error: string; errorMessage: string } {
  const failure = toKafkaError(error, `DescribeProducers to broker ${leader}`);
  return {
    error: failure.type ?? NAME_OF_KIND[failure.kind] ?? 'UNKNOWN_SERVER_ERROR',
    errorMessage: failure.message,
  };
}

/** The active producers of partitions: one DescribeProducers per leader. Leaderless partitions come back with an error. */
export async function describeProducers(
  clients: ClusterClients,
  partitions: LeaderPartition[],
): Promise<PartitionProducers[]> {
  const byLeader = new Map<number, Map<string, number[]>>();
  const answers: PartitionProducers[] = [];
  for (const p of partitions) {
    if (p.leader === null) {
      answers.push({ ...p, error: 'LEADER_NOT_AVAILABLE', errorMessage: null, producers: [] });
      continue;
    }
    const topics = byLeader.get(p.leader) ?? new Map<string, number[]>();
    topics.set(p.topic, [...(topics.get(p.topic) ?? []), p.partition]);
    byLeader.set(p.leader, topics);
  }
  const { ok, failed } = await settleEach([...byLeader.keys()], (leader) =>
    sendTo(clients, leader, (broker) => {
      if (describeProducersVersion(broker) === null)
        throw new KafkaError(
          'unsupported',
          `broker ${leader} does not support DescribeProducers (Kafka 3.0+)`,
          'UNSUPPORTED_VERSION',
        );
      return describeProducersRequest(
        [...byLeader.get(leader)!].map(([topic, list]) => ({ topic, partitions: list })),
      );
    }),
  );
  for (const list of ok.values()) answers.push(...list);
  for (const [leader, error] of failed) {
    const failure = leaderFailure(leader, error);
    for (const [topic, list] of byLeader.get(leader)!)
      for (const partition of list) answers.push({ topic, partition, ...failure, producers: [] });
  }
  return answers.sort((a, b) =>
    a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1,
  );
}

/**
 * Writes a marker on a partition as its transaction coordinator would (kafka-transactions abort):
 * WriteTxnMarkers to the leader. The partition's error, if any, is thrown.
 */
export async function writeTxnMarker(
  clients: ClusterClients,
  leader: number,
  marker: TxnMarker,
): Promise<void> {
  const results = await sendTo(clients, leader, (broker) => {
    if (writeTxnMarkersVersion(broker) === null)
      throw new Error(`broker ${leader} does not support WriteTxnMarkers v1`);
    return writeTxnMarkersRequest([marker]);
  });
  const failed = results.find((r) => r.error);
  if (failed?.error) throw new KafkaProtocolError(errorCode(failed.error), 'WriteTxnMarkers');
  if (results.length === 0) throw new Error('WriteTxnMarkers: the leader answered for no partition');
}

/**
 * The last stable offset (ListOffsets latest, READ_COMMITTED) and the high watermark of partitions,
 * keyed by partitionKey: where a read_committed consumer stops, and where the log ends.
 */
export async function stableOffsets(
  clients: ClusterClients,
  partitions: LeaderPartition[],
): Promise<Map<string, { lastStable: number; high: number }>> {
  const byLeader = new Map<number, { topic: string; partition: number }[]>();
  for (const p of partitions)
    if (p.leader !== null) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p]);
  const { ok } = await settleEach([...byLeader.keys()], (leader) =>
    Promise.all([
      sendTo(clients, leader, (b) => listOffsetsRequest(b, byLeader.get(leader)!, LATEST, 1)),
      sendTo(clients, leader, (b) => listOffsetsRequest(b, byLeader.get(leader)!, LATEST, 0)),
    ]),
  );
  const result = new Map<string, { lastStable: number; high: number }>();
  for (const [committed, uncommitted] of ok.values()) {
    const highs = new Map<string, number>();
    for (const t of uncommitted.responses)
      for (const p of t.partitions)
        if (p.errorCode === 0) highs.set(partitionKey(t.topic, p.partition), p.offset);
    for (const t of committed.responses)
      for (const p of t.partitions) {
        const key = partitionKey(t.topic, p.partition);
        const high = highs.get(key);
        if (p.errorCode === 0 && high !== undefined) result.set(key, { lastStable: p.offset, high });
      }
  }
  return result;
}
