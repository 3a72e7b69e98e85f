import 'server-only';
import type { ConnectClusterConfig } from '@/server/config/connect';
import { maskText } from '@/lib/connect/secrets';
import { allDownMessage, mayTryNext, type Outcome, tryOrder } from '@/server/connect/failover';
import {
  basicAuthorization,
  errorDetail,
  jsonRequest,
  NoAnswerError,
  statusFailure,
} from '@/server/outbound/json-http';

/** Why a call to the worker failed, in words a user can act on; never a credential. */
export type ConnectFailure =
  'down' | 'timeout' | 'unauthorized' | 'not_found' | 'conflict' | 'refused' | 'bad_answer';

export class ConnectError extends Error {
  override name = 'ConnectError';
  constructor(
    readonly kind: ConnectFailure,
    message: string,
    /** The worker's own error code (its HTTP status, as Connect puts it in the body), when it gave one. */
    readonly workerCode: number | null = null,
    readonly status: number | null = null,
    /** Whether a worker answered at all (failover.ts moves on to the next URL only when none did). */
    readonly outcome: Outcome = 'answered',
  ) {
    super(message);
  }
}

/** The most a worker's answer may hold (a list of connectors with their status and config). */
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * One JSON call to the worker, bounded in time (connection and answer together) and in size. The
 * URL in messages is the worker's base URL without credentials, never a header.
 */
export async function connectCall<T>(
  config: ConnectClusterConfig,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  // While its group rebalances (a worker joined, left or died) a worker refuses requests for a few
  // seconds ("a rebalance is expected", 409 or 500) without doing anything: asked again, 1 s apart,
  // up to three times, instead of showing a healthy Connect cluster as failing.
  for (let attempt = 0; ; attempt++) {
    try {
      return await anyWorker<T>(config, method, path, body, signal);
    } catch (error) {
      const rebalancing =
        error instanceof ConnectError &&
        (error.status === 409 || error.status === 500) &&
        /rebalanc/i.test(error.message);
      if (!rebalancing || attempt >= 3 || signal?.aborted) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** Per Connect cluster, the index of the URL that answered last: where the next call starts. */
const lastGood = new WeakMap<ConnectClusterConfig, number>();

/** The origin of the worker URL calls currently go to (the one that answered last). */
export function activeUrl(config: ConnectClusterConfig): string {
  const url = config.urls[lastGood.get(config) ?? 0] ?? config.url;
  return new URL(url).origin;
}

/**
 * The call to the first worker that answers (failover.ts's rules), each URL bounded by the time-out;
 * when none answers, one error that names each URL's reason.
 */
async function anyWorker<T>(
  config: ConnectClusterConfig,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const urls = config.urls.length > 0 ? config.urls : [config.url];
  const reasons: string[] = [];
  let last: ConnectError | null = null;
  for (const index of tryOrder(urls.length, lastGood.get(config) ?? 0)) {
    try {
      const answer = await connectOnce<T>(config, urls[index]!, method, path, body, signal);
      lastGood.set(config, index);
      return answer;
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      // An error answer is the group's answer: this worker is reachable, so it stays the one to ask.
      if (error.outcome === 'answered') lastGood.set(config, index);
      if (!mayTryNext(error.outcome, method) || signal?.aborted) {
        if (error.outcome === 'answered' || reasons.length === 0) throw error;
        reasons.push(error.message);
        throw new ConnectError(
          error.kind,
          allDownMessage(config.name, reasons),
          error.workerCode,
          error.status,
          error.outcome,
        );
      }
      reasons.push(error.message);
      last = error;
    }
  }
  throw new ConnectError(
    last?.kind ?? 'down',
    allDownMessage(config.name, reasons),
    null,
    null,
    last?.outcome ?? 'unreachable',
  );
}

async function connectOnce<T>(
  config: ConnectClusterConfig,
  base: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const url = new URL(base.replace(/\/+$/, '') + path);
  const where = `the Connect worker at ${url.origin}`;
  const answer = await jsonRequest({
    url,
    method,
    body,
    where,
    owner: config,
    tls: config.tls,
    authorization: basicAuthorization(config.username, config.password),
    timeoutMs: config.timeoutMs,
    maxBytes: MAX_ANSWER_BYTES,
    signal,
  }).catch((error: unknown) => {
    if (!(error instanceof NoAnswerError)) throw error;
    // Whether this worker answered at all, for failover.ts: unreachable may be tried elsewhere; after
    // a time-out or a broken answer it may have acted, so a write is not sent elsewhere.
    if (error.reason === 'unreachable')
      throw new ConnectError('down', error.message, null, null, 'unreachable');
    if (error.reason === 'too_large') throw new ConnectError('bad_answer', error.message);
    if (error.cancelled) throw new ConnectError('timeout', error.message);
    throw new ConnectError(
      error.reason === 'timeout' ? 'timeout' : 'down',
      error.message,
      null,
      null,
      'timeout',
    );
  });
  const { status, json, text } = answer;
  if (status >= 200 && status < 300) {
    // 202 Accepted and 204 No Content have no body.
    if (text === '') return null as T;
    if (json === undefined)
      throw new ConnectError('bad_answer', `${where} answered something other than JSON`);
    return json as T;
  }
  // The worker's message may quote a URL with its password (lib/connect/secrets.ts).
  const { code, said } = errorDetail(json, maskText);
  // A rebalance in progress, or a change the connector's state does not allow (offsets of a running connector).
  if (status === 409) throw new ConnectError('conflict', `${where} refused it for now${said}`, code, status);
  const failure = statusFailure(status, where, said);
  throw new ConnectError(failure.kind, failure.message, code, status);
}
