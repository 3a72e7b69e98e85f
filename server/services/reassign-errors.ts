import 'server-only';
import type { PartitionOutcomeDto } from '@/lib/schemas/reassignment';
import { AppError } from '@/server/http/app-error';
import { KafkaError, type PartitionOutcome } from '@/server/kafka';

/** The ACL each request needs of the console's own Kafka identity, for CLUSTER_AUTHORIZATION_FAILED. */
const NEEDS: Record<string, string> = {
  reassign: 'ALTER on the CLUSTER resource (AlterPartitionReassignments)',
  list: 'DESCRIBE on the CLUSTER resource (ListPartitionReassignments)',
  elect: 'ALTER on the CLUSTER resource (ElectLeaders)',
  throttle: 'ALTER_CONFIGS on the CLUSTER resource and on the topics (IncrementalAlterConfigs)',
};

/** A gateway failure of a reassignment or election step, as the clear answer the UI shows. */
export function reassignError(error: unknown, step: keyof typeof NEEDS): unknown {
  if (!(error instanceof KafkaError)) return error;
  if (error.type === 'CLUSTER_AUTHORIZATION_FAILED' || error.type === 'TOPIC_AUTHORIZATION_FAILED')
    return new AppError(
      'forbidden',
      `Kafka refused the console's own identity: it needs ${NEEDS[step]}. Grant it with kafka-acls --add --allow-principal <the console's principal> …`,
      error,
    );
  return error;
}

const TEXT: Record<string, string> = {
  INVALID_REPLICA_ASSIGNMENT:
    'Kafka refused the replica list (a broker that does not exist or is named twice)',
  NO_REASSIGNMENT_IN_PROGRESS:
    'No reassignment is in progress for this partition: it has completed or was cancelled',
  REASSIGNMENT_IN_PROGRESS: 'A reassignment of this partition is in progress already',
  UNKNOWN_TOPIC_OR_PARTITION: 'The partition does not exist (any more)',
  ELECTION_NOT_NEEDED: 'The preferred leader leads already',
  PREFERRED_LEADER_NOT_AVAILABLE: 'The preferred leader is offline or out of sync, so it cannot lead',
  ELIGIBLE_LEADERS_NOT_AVAILABLE: 'No replica is eligible to lead (none in sync and alive)',
  CLUSTER_AUTHORIZATION_FAILED: `The console's identity lacks ${NEEDS.reassign}`,
  INVALID_REQUEST: 'Kafka refused the request as invalid',
};

export function toOutcome(o: PartitionOutcome): PartitionOutcomeDto {
  const status = o.error === null ? 'ok' : o.error === 'ELECTION_NOT_NEEDED' ? 'not-needed' : 'failed';
  const text = o.error === null ? null : (TEXT[o.error] ?? o.error);
  const message = text && o.message && o.error !== 'ELECTION_NOT_NEEDED' ? `${text}: ${o.message}` : text;
  return { topic: o.topic, partition: o.partition, status, error: o.error, message };
}
