import 'server-only';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import type { ClusterClients } from '@/server/kafka/client/registry';
import {
  incrementalAlterConfigsRequest,
  RESOURCE_BROKER,
  type ConfigChange,
} from '@/server/kafka/protocol/incremental-alter-configs';
import {
  alterPartitionReassignmentsRequest,
  electLeadersRequest,
  electLeadersVersion,
  listPartitionReassignmentsRequest,
  type ElectionType,
  type OngoingReassignment,
  type PartitionResult,
  type ReassignmentTarget,
} from '@/server/kafka/protocol/partition-reassignments';
import { KafkaProtocolError, errorName } from '@/server/kafka/protocol/protocol-error';

/** A partition's answer: null error when it was accepted. */
export interface PartitionOutcome {
  topic: string;
  partition: number;
  /** Kafka's error name (ELECTION_NOT_NEEDED included: the caller decides what is a failure). */
  error: string | null;
  message: string | null;
}

const outcome = (r: PartitionResult): PartitionOutcome => ({
  topic: r.topic,
  partition: r.partition,
  error: r.errorCode === 0 ? null : errorName(r.errorCode),
  message: r.errorCode === 0 ? null : r.errorMessage,
});

/**
 * AlterPartitionReassignments on any broker (KRaft brokers forward it to the active controller). A
 * request-level error throws; per-partition errors come back as data.
 */
export async function alterReassignments(
  clients: ClusterClients,
  targets: ReassignmentTarget[],
  timeoutMs: number,
): Promise<PartitionOutcome[]> {
  const answer = await onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, () => alterPartitionReassignmentsRequest(targets, timeoutMs)),
  );
  if (answer.errorCode !== 0)
    throw new KafkaProtocolError(answer.errorCode, 'AlterPartitionReassignments', answer.errorMessage);
  return answer.results.map(outcome);
}

export async function listReassignments(
  clients: ClusterClients,
  topics: { topic: string; partitions: number[] }[] | null,
  timeoutMs: number,
): Promise<OngoingReassignment[]> {
  const answer = await onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, () => listPartitionReassignmentsRequest(topics, timeoutMs)),
  );
  if (answer.errorCode !== 0)
    throw new KafkaProtocolError(answer.errorCode, 'ListPartitionReassignments', answer.errorMessage);
  return answer.results.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

export async function electLeaders(
  clients: ClusterClients,
  type: ElectionType,
  partitions: { topic: string; partitions: number[] }[] | null,
  timeoutMs: number,
): Promise<PartitionOutcome[]> {
  const answer = await onAnyBroker(clients, (broker) => {
    const version = electLeadersVersion(broker);
    if (version === null) throw new Error(`broker ${broker.nodeId} does not support ElectLeaders v1+`);
    return broker.connectionPool.send(electLeadersRequest(version, type, partitions, timeoutMs));
  });
  if (answer.errorCode !== 0)
    throw new KafkaProtocolError(answer.errorCode, 'ElectLeaders', answer.errorMessage);
  return answer.results.map(outcome);
}

/** Dynamic per-broker config changes (throttle rates), each sent to the broker it is about. */
export async function alterBrokerConfigs(
  clients: ClusterClients,
  brokerId: number,
  changes: ConfigChange[],
): Promise<void> {
  const results = await sendTo(clients, brokerId, () =>
    incrementalAlterConfigsRequest(RESOURCE_BROKER, String(brokerId), changes),
  );
  const failure = results.find((r) => r.errorCode !== 0);
  if (failure)
    throw new KafkaProtocolError(failure.errorCode, 'IncrementalAlterConfigs', failure.errorMessage);
}
