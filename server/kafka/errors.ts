import 'server-only';
import { AppError } from '@/server/http/app-error';

/** kafkajs error names and Kafka protocol error types that mean "the cluster cannot be reached". */
const UNAVAILABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSConnectionClosedError',
  'KafkaJSLockTimeout',
]);

const BY_TYPE: Record<string, AppError['code']> = {
  TOPIC_ALREADY_EXISTS: 'conflict',
  UNKNOWN_TOPIC_OR_PARTITION: 'not_found',
  GROUP_ID_NOT_FOUND: 'not_found',
  INVALID_TOPIC_EXCEPTION: 'validation_failed',
  OFFSET_OUT_OF_RANGE: 'validation_failed',
  MESSAGE_TOO_LARGE: 'validation_failed',
  RECORD_LIST_TOO_LARGE: 'validation_failed',
  INVALID_RECORD: 'validation_failed',
  TOPIC_DELETION_DISABLED: 'forbidden',
  UNSUPPORTED_VERSION: 'unprocessable',
  INVALID_PARTITIONS: 'validation_failed',
  INVALID_REPLICATION_FACTOR: 'validation_failed',
  INVALID_CONFIG: 'validation_failed',
  INVALID_REQUEST: 'validation_failed',
  POLICY_VIOLATION: 'validation_failed',
  NON_EMPTY_GROUP: 'conflict',
  GROUP_SUBSCRIBED_TO_TOPIC: 'conflict',
  UNKNOWN_MEMBER_ID: 'conflict',
  ILLEGAL_GENERATION: 'conflict',
  REBALANCE_IN_PROGRESS: 'conflict',
  COORDINATOR_NOT_AVAILABLE: 'broker_unavailable',
  COORDINATOR_LOAD_IN_PROGRESS: 'broker_unavailable',
  TOPIC_AUTHORIZATION_FAILED: 'forbidden',
  GROUP_AUTHORIZATION_FAILED: 'forbidden',
  CLUSTER_AUTHORIZATION_FAILED: 'forbidden',
  SASL_AUTHENTICATION_FAILED: 'unauthorized',
  REQUEST_TIMED_OUT: 'timeout',
  LEADER_NOT_AVAILABLE: 'broker_unavailable',
  NOT_CONTROLLER: 'broker_unavailable',
  BROKER_NOT_AVAILABLE: 'broker_unavailable',
};

interface KafkaLikeError {
  name?: string;
  type?: string;
  message?: string;
  originalError?: unknown;
  /** Where kafkajs puts the last error once its retries run out. */
  cause?: unknown;
  /** KafkaJSAggregateError (createTopics) and KafkaJSDeleteTopicRecordsError carry the broker errors here. */
  errors?: KafkaLikeError[];
  error?: KafkaLikeError;
  partitions?: { error?: KafkaLikeError | null }[];
}

/**
 * The one place where client errors become API errors. Messages are Kafka's own text, which never
 * carries credentials (SASL failures are reported without the mechanism's payload).
 */
export function toAppError(error: unknown, context: string): AppError {
  if (error instanceof AppError) return error;
  const outer = (error ?? {}) as KafkaLikeError;
  const e = outer.errors?.[0] ?? outer.partitions?.find((p) => p.error)?.error ?? outer;
  const original = (e.originalError ?? e.error ?? e.cause) as KafkaLikeError | undefined;
  const type = e.type ?? original?.type;
  if (type && BY_TYPE[type])
    return new AppError(BY_TYPE[type], `${context}: ${original?.message ?? e.message ?? type}`, error);
  if (e.name === 'KafkaJSRequestTimeoutError')
    return new AppError('timeout', `${context}: Kafka did not answer in time`, error);
  if (e.name === 'KafkaJSSASLAuthenticationError')
    return new AppError('unauthorized', `${context}: authentication failed`, error);
  if (e.name && UNAVAILABLE.has(e.name)) {
    return new AppError(
      'broker_unavailable',
      `${context}: cannot reach the cluster (${e.message ?? e.name})`,
      error,
    );
  }
  return new AppError('internal', `${context}: ${e.message ?? 'unexpected error'}`, error);
}
