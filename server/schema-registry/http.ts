import 'server-only';
import type { SchemaRegistryConfig } from '@/server/config/schema-registry';
import {
  basicAuthorization,
  errorDetail,
  jsonRequest,
  NoAnswerError,
  statusFailure,
} from '@/server/outbound/json-http';

/** Why a call to the registry failed, in words a user can act on; never a credential. */
export type RegistryFailure = 'down' | 'timeout' | 'unauthorized' | 'not_found' | 'refused' | 'bad_answer';

export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    readonly kind: RegistryFailure,
    message: string,
    /** The registry's own error code (40401 subject not found, 40403 schema not found…), when it gave one. */
    readonly registryCode: number | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The most a registry answer may hold (a schema with its references is kilobytes). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

function authorization(config: SchemaRegistryConfig): string | undefined {
  if (config.token !== undefined) return `Bearer ${config.token}`;
  return basicAuthorization(config.username, config.password);
}

/**
 * One JSON call to the registry, bounded in time (connection and answer together) and in size
 * (server/outbound/json-http.ts). The URL in messages is the registry's base URL without
 * credentials, never a header.
 */
export async function registryCall<T>(
  config: SchemaRegistryConfig,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const url = new URL(config.url.replace(/\/+$/, '') + path);
  const where = `the schema registry at ${url.origin}`;
  const answer = await jsonRequest({
    url,
    method,
    body,
    where,
    owner: config,
    tls: config.tls,
    authorization: authorization(config),
    accept: 'application/vnd.schemaregistry.v1+json, application/json',
    contentType: 'application/vnd.schemaregistry.v1+json',
    timeoutMs: config.timeoutMs,
    maxBytes: MAX_ANSWER_BYTES,
    signal,
  }).catch((error: unknown) => {
    if (!(error instanceof NoAnswerError)) throw error;
    const kind =
      error.reason === 'timeout' ? 'timeout' : error.reason === 'too_large' ? 'bad_answer' : 'down';
    throw new RegistryError(kind, error.message);
  });
  const { status, json } = answer;
  if (status >= 200 && status < 300) {
    if (json === undefined)
      throw new RegistryError('bad_answer', `${where} answered something other than JSON`);
    return json as T;
  }
  const { code, said } = errorDetail(json);
  const failure = statusFailure(status, where, said);
  throw new RegistryError(failure.kind, failure.message, code, status);
}
