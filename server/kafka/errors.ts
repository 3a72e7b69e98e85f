import 'server-only';
import { OAuthTokenError } from '@/server/kafka/client/oauth';
import type { ClusterConfig } from '@/server/config/schema';
import { credentialHint, mechanismLabel } from '@/server/kafka/client/security';
import { tlsFailure } from '@/server/kafka/client/tls-errors';
import { errorName } from '@/server/kafka/protocol/protocol-error';

/**
 * What went wrong, in the terms a caller acts on. server/http turns each kind into an HTTP status;
 * nothing here knows about HTTP.
 */
export type KafkaErrorKind =
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'forbidden'
  | 'unsupported'
  | 'unavailable'
  | 'timeout'
  | 'authentication_failed'
  | 'tls_failed'
  | 'unknown';

/** The one error the gateway throws. `type` is Kafka's error name (Errors.java) when Kafka answered one. */
export class KafkaError extends Error {
  constructor(
    readonly kind: KafkaErrorKind,
    message: string,
    readonly type: string | null = null,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'KafkaError';
  }
}

/** How each Kafka error (by its Errors.java name) reads to a caller; the rest are `unknown`. */
const KIND_OF: Record<string, KafkaErrorKind> = {
  TOPIC_ALREADY_EXISTS: 'conflict',
  UNKNOWN_TOPIC_OR_PARTITION: 'not_found',
  UNKNOWN_TOPIC_ID: 'not_found',
  GROUP_ID_NOT_FOUND: 'not_found',
  INVALID_TOPIC_EXCEPTION: 'invalid',
  OFFSET_OUT_OF_RANGE: 'invalid',
  MESSAGE_TOO_LARGE: 'invalid',
  RECORD_LIST_TOO_LARGE: 'invalid',
  INVALID_RECORD: 'invalid',
  CORRUPT_MESSAGE: 'invalid',
  TOPIC_DELETION_DISABLED: 'forbidden',
  UNSUPPORTED_VERSION: 'unsupported',
  INVALID_PARTITIONS: 'invalid',
  INVALID_REPLICATION_FACTOR: 'invalid',
  INVALID_REPLICA_ASSIGNMENT: 'invalid',
  INVALID_CONFIG: 'invalid',
  INVALID_REQUEST: 'invalid',
  POLICY_VIOLATION: 'invalid',
  NON_EMPTY_GROUP: 'conflict',
  REASSIGNMENT_IN_PROGRESS: 'conflict',
  NO_REASSIGNMENT_IN_PROGRESS: 'conflict',
  GROUP_SUBSCRIBED_TO_TOPIC: 'conflict',
  UNKNOWN_MEMBER_ID: 'conflict',
  ILLEGAL_GENERATION: 'conflict',
  REBALANCE_IN_PROGRESS: 'conflict',
  // Consumer-protocol (KIP-848) groups refuse a commit from outside while they have members this way.
  STALE_MEMBER_EPOCH: 'conflict',
  FENCED_MEMBER_EPOCH: 'conflict',
  FENCED_INSTANCE_ID: 'conflict',
  UNSTABLE_OFFSET_COMMIT: 'conflict',
  INVALID_GROUP_ID: 'invalid',
  NOT_COORDINATOR: 'unavailable',
  COORDINATOR_NOT_AVAILABLE: 'unavailable',
  COORDINATOR_LOAD_IN_PROGRESS: 'unavailable',
  TOPIC_AUTHORIZATION_FAILED: 'forbidden',
  GROUP_AUTHORIZATION_FAILED: 'forbidden',
  CLUSTER_AUTHORIZATION_FAILED: 'forbidden',
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: 'forbidden',
  DELEGATION_TOKEN_AUTHORIZATION_FAILED: 'forbidden',
  SECURITY_DISABLED: 'unsupported',
  SASL_AUTHENTICATION_FAILED: 'authentication_failed',
  REQUEST_TIMED_OUT: 'timeout',
  LEADER_NOT_AVAILABLE: 'unavailable',
  NOT_LEADER_OR_FOLLOWER: 'unavailable',
  NOT_CONTROLLER: 'unavailable',
  BROKER_NOT_AVAILABLE: 'unavailable',
  REPLICA_NOT_AVAILABLE: 'unavailable',
  KAFKA_STORAGE_ERROR: 'unavailable',
  NETWORK_EXCEPTION: 'unavailable',
  RESOURCE_NOT_FOUND: 'not_found',
  DUPLICATE_RESOURCE: 'invalid',
  UNACCEPTABLE_CREDENTIAL: 'invalid',
  UNSUPPORTED_SASL_MECHANISM: 'invalid',
};

/** How a Kafka error (by its Errors.java name) reads to a caller, for errors reported as data (per partition). */
export const kindOfKafkaError = (type: string): KafkaErrorKind => KIND_OF[type] ?? 'unknown';

/** kafkajs error names that mean "the cluster cannot be reached". */
const UNREACHABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSConnectionClosedError',
  'KafkaJSLockTimeout',
]);

interface ClientError {
  name?: string;
  /** kafkajs's name of a Kafka error (it spells a few differently from Errors.java). */
  type?: string;
  /** The numeric Kafka error code (kafkajs's protocol errors carry it as `code`, ours as `errorCode`). */
  code?: number | string;
  errorCode?: number;
  message?: string;
  originalError?: unknown;
  /** Where kafkajs puts the last error once its retries run out. */
  cause?: unknown;
  /** KafkaJSAggregateError (createTopics) and KafkaJSDeleteTopicRecordsError carry the broker errors here. */
  errors?: ClientError[];
  error?: ClientError;
  partitions?: { error?: ClientError | null }[];
  /** KafkaJSDeleteGroupsError: one error per group. */
  groups?: { error?: ClientError | null }[];
}

/** The error and every error it wraps (kafkajs nests them in originalError, retries in errors). */
function errorChain(error: unknown): ClientError[] {
  const chain: ClientError[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && chain.length < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || chain.includes(e as ClientError)) continue;
    const k = e as ClientError;
    chain.push(k);
    queue.push(
      k.originalError,
      k.error,
      k.cause,
      ...(k.errors ?? []),
      ...(k.groups ?? []).map((g) => g.error),
      ...(k.partitions ?? []).map((p) => p.error),
    );
  }
  return chain;
}

/** Kafka's error name for one error of the chain: by numeric code where there is one, else kafkajs's type. */
function kafkaType(e: ClientError): string | null {
  if (e instanceof KafkaError) return e.type;
  const code = typeof e.errorCode === 'number' ? e.errorCode : typeof e.code === 'number' ? e.code : null;
  if (code !== null && code !== 0) return errorName(code);
  return typeof e.type === 'string' && /^[A-Z_]+$/.test(e.type) ? e.type : null;
}

/**
 * Failures of the console's own access to a cluster: a rejected login or an untrusted certificate.
 * They get their own kinds, so that one misconfigured cluster reads as such and not as "down".
 */
function accessFailure(chain: ClientError[], context: string, cluster?: ClusterConfig): KafkaError | null {
  const ours = chain.find((e) => e instanceof OAuthTokenError);
  const sasl = chain.find(
    (e) => e.name === 'KafkaJSSASLAuthenticationError' || kafkaType(e) === 'SASL_AUTHENTICATION_FAILED',
  );
  if (ours || sasl) {
    const detail = ours ? `: ${ours.message}` : '';
    const message = cluster
      ? `Authentication failed for cluster "${cluster.name}"${mechanismLabel(cluster) ? ` (${mechanismLabel(cluster)})` : ''}: ${credentialHint(cluster)}${detail}`
      : `${context}: authentication failed${detail}`;
    return new KafkaError('authentication_failed', message, 'SASL_AUTHENTICATION_FAILED', chain[0]);
  }
  for (const e of chain) {
    const tls = tlsFailure(e);
    if (tls) return new KafkaError('tls_failed', `${context}: ${tls}`, null, chain[0]);
  }
  return null;
}

/**
 * The one place where client errors become KafkaErrors. Messages are Kafka's own text, which never
 * carries credentials (SASL failures are reported without the mechanism's payload); `cluster`, when
 * known, lets an authentication failure name the cluster and its mechanism.
 */
export function toKafkaError(error: unknown, context: string, cluster?: ClusterConfig): KafkaError {
  if (error instanceof KafkaError) return error;
  const chain = errorChain(error);
  const access = accessFailure(chain, context, cluster);
  if (access) return access;
  const outer = (error ?? {}) as ClientError;
  // The first broker error of an aggregate, else the outer error and what it wraps.
  const e =
    outer.errors?.[0] ??
    outer.partitions?.find((p) => p.error)?.error ??
    outer.groups?.find((g) => g.error)?.error ??
    outer;
  const original = (e.originalError ?? e.error ?? e.cause) as ClientError | undefined;
  const type = kafkaType(e) ?? (original ? kafkaType(original) : null);
  if (type) {
    const text = original?.message ?? e.message ?? type;
    return new KafkaError(KIND_OF[type] ?? 'unknown', `${context}: ${text}`, type, error);
  }
  if (e.name === 'KafkaJSRequestTimeoutError')
    return new KafkaError('timeout', `${context}: Kafka did not answer in time`, null, error);
  if (e.name && UNREACHABLE.has(e.name))
    return new KafkaError(
      'unavailable',
      `${context}: cannot reach the cluster (${e.message ?? e.name})`,
      null,
      error,
    );
  // Kafka's and kafkajs's messages are worth showing; a RangeError or TypeError from Node or our own
  // code speaks of internals (buffer offsets, property names): kept as the cause, not in the message.
  const fromClient = e.name?.startsWith('KafkaJS') || e.name === 'KafkaProtocolError';
  return new KafkaError(
    'unknown',
    `${context}: ${fromClient ? (e.message ?? 'unexpected error') : 'unexpected error'}`,
    null,
    error,
  );
}

/** Kafka's error name somewhere in an error's chain (e.g. `NON_EMPTY_GROUP`), if any. */
export function kafkaErrorType(error: unknown): string | null {
  for (const e of errorChain(error)) {
    const type = kafkaType(e);
    if (type) return type;
  }
  return null;
}
