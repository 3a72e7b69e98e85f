import 'server-only';

/** A few Kafka error codes by name; the full table is in Kafka's Errors.java. */
const NAMES: Record<number, string> = {
  [-1]: 'UNKNOWN_SERVER_ERROR',
  1: 'OFFSET_OUT_OF_RANGE',
  3: 'UNKNOWN_TOPIC_OR_PARTITION',
  5: 'LEADER_NOT_AVAILABLE',
  6: 'NOT_LEADER_OR_FOLLOWER',
  7: 'REQUEST_TIMED_OUT',
  8: 'BROKER_NOT_AVAILABLE',
  31: 'CLUSTER_AUTHORIZATION_FAILED',
  35: 'UNSUPPORTED_VERSION',
  41: 'NOT_CONTROLLER',
  57: 'LOG_DIR_NOT_FOUND',
  58: 'SASL_AUTHENTICATION_FAILED',
  37: 'INVALID_PARTITIONS',
  38: 'INVALID_REPLICATION_FACTOR',
  40: 'INVALID_CONFIG',
  42: 'INVALID_REQUEST',
  44: 'POLICY_VIOLATION',
  17: 'INVALID_TOPIC_EXCEPTION',
  29: 'TOPIC_AUTHORIZATION_FAILED',
  36: 'TOPIC_ALREADY_EXISTS',
  14: 'COORDINATOR_LOAD_IN_PROGRESS',
  15: 'COORDINATOR_NOT_AVAILABLE',
  16: 'NOT_COORDINATOR',
  24: 'INVALID_GROUP_ID',
  25: 'UNKNOWN_MEMBER_ID',
  22: 'ILLEGAL_GENERATION',
  27: 'REBALANCE_IN_PROGRESS',
  30: 'GROUP_AUTHORIZATION_FAILED',
  68: 'NON_EMPTY_GROUP',
  69: 'GROUP_ID_NOT_FOUND',
  86: 'GROUP_SUBSCRIBED_TO_TOPIC',
  81: 'GROUP_MAX_SIZE_REACHED',
  82: 'FENCED_INSTANCE_ID',
  88: 'UNSTABLE_OFFSET_COMMIT',
  110: 'FENCED_MEMBER_EPOCH',
  111: 'UNRELEASED_INSTANCE_ID',
  112: 'UNSUPPORTED_ASSIGNOR',
  113: 'STALE_MEMBER_EPOCH',
};

export const errorName = (code: number): string => NAMES[code] ?? `KAFKA_ERROR_${code}`;

/** A non-zero error code in a response to one of our own protocol requests. */
export class KafkaProtocolError extends Error {
  readonly type: string;
  constructor(
    readonly errorCode: number,
    context: string,
  ) {
    const type = errorName(errorCode);
    super(`${context} failed: ${type}`);
    this.name = 'KafkaProtocolError';
    this.type = type;
  }
}
