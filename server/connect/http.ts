import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { ConnectClusterConfig } from '@/server/config/connect';
import { maskText } from '@/lib/connect/secrets';
import { allDownMessage, mayTryNext, type Outcome, tryOrder } from '@/server/connect/failover';

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

/** One agent per Connect cluster and protocol (an agent keeps its sockets per host and port). */
const agents = new WeakMap<ConnectClusterConfig, Map<string, http.Agent>>();

function agentOf(config: ConnectClusterConfig, protocol: string): http.Agent {
  let byProtocol = agents.get(config);
  if (!byProtocol) agents.set(config, (byProtocol = new Map()));
  let agent = byProtocol.get(protocol);
  if (agent) return agent;
  const options = { keepAlive: true, maxSockets: 8 };
  agent =
    protocol === 'https:'
      ? new https.Agent({
          ...options,
          ...(config.tls?.ca !== undefined && { ca: config.tls.ca }),
          ...(config.tls?.cert !== undefined && {
            cert: config.tls.cert,
            key: config.tls.key,
            passphrase: config.tls.keyPassword,
          }),
          rejectUnauthorized: !config.tls?.insecureSkipVerify,
        })
      : new http.Agent(options);
  byProtocol.set(protocol, agent);
  return agent;
}

function authorization(config: ConnectClusterConfig): string | undefined {
  if (config.username !== undefined)
    return `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`;
  return undefined;
}

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

function connectOnce<T>(
  config: ConnectClusterConfig,
  base: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const url = new URL(base.replace(/\/+$/, '') + path);
  const where = `the Connect worker at ${url.origin}`;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const auth = authorization(config);
  return new Promise<T>((resolve, reject) => {
    let request: http.ClientRequest;
    try {
      request = makeRequest();
    } catch (error) {
      // TLS options that cannot be used (a key that does not open or match) throw here, not later.
      const code = (error as NodeJS.ErrnoException).code;
      reject(
        new ConnectError(
          'down',
          `${where} cannot be reached: its TLS settings cannot be used (${code ?? 'error'})`,
          null,
          null,
          'unreachable',
        ),
      );
      return;
    }
    function makeRequest(): http.ClientRequest {
      return (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method,
          agent: agentOf(config, url.protocol),
          headers: {
            accept: 'application/json',
            ...(payload && {
              'content-type': 'application/json',
              'content-length': payload.length,
            }),
            ...(auth && { authorization: auth }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) {
              request.destroy(
                new ConnectError('bad_answer', `${where} sent more than ${MAX_ANSWER_BYTES} bytes`),
              );
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => {
            clearTimeout(timer);
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown = undefined;
            try {
              json = text === '' ? null : JSON.parse(text);
            } catch {
              // handled below
            }
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              // 202 Accepted and 204 No Content have no body.
              if (text === '') resolve(null as T);
              else if (json === undefined)
                reject(new ConnectError('bad_answer', `${where} answered something other than JSON`));
              else resolve(json as T);
              return;
            }
            const detail = json as { error_code?: unknown; message?: unknown } | undefined;
            const code = typeof detail?.error_code === 'number' ? detail.error_code : null;
            // The worker's message may quote a URL with its password (lib/connect/secrets.ts).
            const said =
              typeof detail?.message === 'string' ? `: ${maskText(detail.message).slice(0, 300)}` : '';
            if (status === 401 || status === 403)
              reject(
                new ConnectError(
                  'unauthorized',
                  `${where} refused the console's credentials (HTTP ${status})`,
                  code,
                  status,
                ),
              );
            else if (status === 404)
              reject(new ConnectError('not_found', `not found in ${where}${said}`, code, status));
            else if (status === 409)
              // A rebalance in progress, or a change the connector's state does not allow (offsets of a running connector).
              reject(new ConnectError('conflict', `${where} refused it for now${said}`, code, status));
            else
              reject(
                new ConnectError(
                  status >= 500 ? 'down' : 'refused',
                  `${where} answered HTTP ${status}${said}`,
                  code,
                  status,
                ),
              );
          });
          response.on('error', (error) =>
            reject(
              // It may have acted on the request: a write is not sent elsewhere (as after a time-out).
              new ConnectError(
                'down',
                `${where} broke off its answer (${error.message})`,
                null,
                null,
                'timeout',
              ),
            ),
          );
        },
      );
    }
    const timer = setTimeout(() => {
      request.destroy(
        new ConnectError(
          'timeout',
          `${where} did not answer within ${config.timeoutMs} ms`,
          null,
          null,
          'timeout',
        ),
      );
    }, config.timeoutMs);
    const onAbort = () => request.destroy(new ConnectError('timeout', 'the request was cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('close', () => signal?.removeEventListener('abort', onAbort));
    request.on('error', (error) => {
      clearTimeout(timer);
      if (error instanceof ConnectError) reject(error);
      else {
        const code = (error as NodeJS.ErrnoException).code;
        // Refused, reset, unknown host, a certificate it would not take: no answer from this worker.
        reject(
          new ConnectError(
            'down',
            `${where} cannot be reached (${code ?? error.message})`,
            null,
            null,
            'unreachable',
          ),
        );
      }
    });
    if (payload) request.write(payload);
    request.end();
  });
}
