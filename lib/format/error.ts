import { ApiError } from '@/lib/api/client';

export interface ErrorDescription {
  /** A short headline a user can act on. */
  title: string;
  /** The server's own message (Kafka's text for cluster errors). */
  message: string;
  /** `code · status` for ApiErrors, to quote in a bug report; null otherwise. */
  detail: string | null;
}

const titles: Partial<Record<ApiError['code'], string>> = {
  broker_unavailable: 'Cluster unreachable',
  timeout: 'Cluster did not answer in time',
  store_unavailable: 'History store unavailable',
  network: 'Console server unreachable',
  not_found: 'Not found',
  unauthorized: 'Authentication failed',
  unauthenticated: 'Signed out',
  forbidden: 'Not allowed',
  csrf: 'Cross-site request refused',
  too_many_requests: 'Too many attempts',
  payload_too_large: 'Request too large',
  read_only: 'Read-only cluster',
  // KafkaError kind `unsupported`: the cluster's brokers lack the API or the version (or an authorizer).
  unprocessable: 'Not supported by this cluster',
  internal: 'Something went wrong',
};

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    return {
      title: titles[error.code] ?? 'Request failed',
      message: error.message,
      detail: error.status ? `${error.code} · ${error.status}` : error.code,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: 'Something went wrong', message, detail: null };
}

/** True when the cluster itself, not the request, is the problem: the cluster is down. */
export function isClusterDown(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'broker_unavailable' || error.code === 'timeout');
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'not_found';
}
