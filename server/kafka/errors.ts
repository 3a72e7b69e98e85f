import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { OAuthTokenError } from '@/server/kafka/oauth';
import { credentialHint, mechanismLabel } from '@/server/kafka/security';
import { tlsFailure } from '@/server/kafka/tls-errors';

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
  // Consumer-protocol (KIP-848) groups refuse a commit from outside while they have members this way.
  STALE_MEMBER_EPOCH: 'conflict',
  FENCED_MEMBER_EPOCH: 'conflict',
  FENCED_INSTANCE_ID: 'conflict',
  UNSTABLE_OFFSET_COMMIT: 'conflict',
  INVALID_GROUP_ID: 'validation_failed',
  NOT_COORDINATOR: 'broker_unavailable',
  COORDINATOR_NOT_AVAILABLE: 'broker_unavailable',
  COORDINATOR_LOAD_IN_PROGRESS: 'broker_unavailable',
  TOPIC_AUTHORIZATION_FAILED: 'forbidden',
  GROUP_AUTHORIZATION_FAILED: 'forbidden',
  CLUSTER_AUTHORIZATION_FAILED: 'forbidden',
  SASL_AUTHENTICATION_FAILED: 'authentication_failed',
  REQUEST_TIMED_OUT: 'timeout',
  LEADER_NOT_AVAILABLE: 'broker_unavailable',
  NOT_LEADER_FOR_PARTITION: 'broker_unavailable',
  NOT_LEADER_OR_FOLLOWER: 'broker_unavailable',
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
  /** KafkaJSDeleteGroupsError: one error per group. */
  groups?: { error?: KafkaLikeError | null }[];
  code?: string;
  broker?: string;
}

/** The error and every error it wraps (kafkajs nests them in originalError, retries in errors). */
export function errorChain(error: unknown): KafkaLikeError[] {
  const chain: KafkaLikeError[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || chain.includes(e as KafkaLikeError)) continue;
    const k = e as KafkaLikeError;
    chain.push(k);
    queue.push(
      k.originalError,
      k.error,
      k.cause,
      ...(k.errors ?? []),
      ...(k.groups ?? []).map((g) => g.error),
    );
  }
  return chain;
}

/** The Kafka error type (e.g. `NON_EMPTY_GROUP`) somewhere in an error's chain, if any. */
export function kafkaErrorType(error: unknown): string | null {
  return errorChain(error).find((e) => typeof e.type === 'string' && /^[A-Z_]+$/.test(e.type))?.type ?? null;
}

/**
 * Failures of the console's own access to a cluster: a rejected login or an untrusted certificate.
 * They get their own codes, so that one misconfigured cluster reads as such and not as "down".
 */
function accessFailure(error: unknown, context: string, cluster?: ClusterConfig): AppError | null {
  const chain = errorChain(error);
  const ours = chain.find((e) => e instanceof OAuthTokenError);
  const sasl = chain.find(
    (e) => e.name === 'KafkaJSSASLAuthenticationError' || e.type === 'SASL_AUTHENTICATION_FAILED',
  );
  if (ours || sasl) {
    const detail = ours ? `: ${ours.message}` : '';
    if (cluster) {
      const mechanism = mechanismLabel(cluster);
      return new AppError(
        'authentication_failed',
        `Authentication failed for cluster "${cluster.name}"${mechanism ? ` (${mechanism})` : ''}: ${credentialHint(cluster)}${detail}`,
        error,
      );
    }
    return new AppError('authentication_failed', `${context}: authentication failed${detail}`, error);
  }
  for (const e of chain) {
    const tls = tlsFailure(e);
    if (tls) return new AppError('tls_failed', `${context}: ${tls}`, error);
  }
  return null;
}

/**
 * The one place where client errors become API errors. Messages are Kafka's own text, which never
 * carries credentials (SASL failures are reported without the mechanism's payload); `cluster`, when
 * known, lets an authentication failure name the cluster and its mechanism.
 */
export function toAppError(error: unknown, context: string, cluster?: ClusterConfig): AppError {
  if (error instanceof AppError) return error;
  const access = accessFailure(error, context, cluster);
  if (access) return access;
  const outer = (error ?? {}) as KafkaLikeError;
  const e =
    outer.errors?.[0] ??
    outer.partitions?.find((p) => p.error)?.error ??
    outer.groups?.find((g) => g.error)?.error ??
    outer;
  const original = (e.originalError ?? e.error ?? e.cause) as KafkaLikeError | undefined;
  const type = e.type ?? original?.type;
  if (type && BY_TYPE[type])
    return new AppError(BY_TYPE[type], `${context}: ${original?.message ?? e.message ?? type}`, error);
  if (e.name === 'KafkaJSRequestTimeoutError')
    return new AppError('timeout', `${context}: Kafka did not answer in time`, error);
  if (e.name && UNAVAILABLE.has(e.name)) {
    return new AppError(
      'broker_unavailable',
      `${context}: cannot reach the cluster (${e.message ?? e.name})`,
      error,
    );
  }
  // Kafka's and kafkajs's messages are worth showing; a RangeError or TypeError from Node or our own
  // code speaks of internals (buffer offsets, property names): logged with the 500, not sent.
  const fromKafka = type !== undefined || e.name?.startsWith('KafkaJS');
  return new AppError(
    'internal',
    `${context}: ${fromKafka ? (e.message ?? 'unexpected error') : 'unexpected error'}`,
    error,
  );
}
