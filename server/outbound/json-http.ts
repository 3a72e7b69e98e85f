import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { TlsConfig } from '@/server/config/security';

/**
 * The one HTTP client the console's doors to other servers use (the schema registry, Kafka Connect):
 * a JSON call bounded in time (connection and answer together) and in size, on a keep-alive agent
 * per server and protocol with the server's TLS settings and credentials. It knows nothing of what
 * an answer means: each door reads the status and body in its own terms (server/schema-registry,
 * server/connect). Messages name the server by `where` (its origin, never a credential or header).
 */

/** Why no answer came: its place in the door's own failures (and Connect's failover) is the door's to say. */
export type NoAnswer =
  /** Refused, reset, unknown host, a certificate it would not take, TLS settings that cannot be used. */
  | 'unreachable'
  /** Nothing within the time-out (or the caller cancelled). */
  | 'timeout'
  /** The answer broke off half-way: the server may have acted on the request. */
  | 'broken'
  /** More than the answer may hold. */
  | 'too_large';

export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
  constructor(
    readonly reason: NoAnswer,
    message: string,
    /** The caller's signal ended the call (not the server). */
    readonly cancelled = false,
  ) {
    super(message);
  }
}

export interface JsonAnswer {
  status: number;
  /** The body parsed as JSON: null when empty, undefined when it was not JSON. */
  json: unknown;
  text: string;
}

export interface JsonRequest {
  url: URL;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The server's name in messages, e.g. `the schema registry at http://host:8081`. */
  where: string;
  /** The agent's owner (one per configured server): its TLS settings and sockets are kept per owner. */
  owner: object;
  tls?: TlsConfig;
  authorization?: string;
  accept?: string;
  contentType?: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

const agents = new WeakMap<object, Map<string, http.Agent>>();

function agentOf(owner: object, protocol: string, tls: TlsConfig | undefined): http.Agent {
  let byProtocol = agents.get(owner);
  if (!byProtocol) agents.set(owner, (byProtocol = new Map()));
  let agent = byProtocol.get(protocol);
  if (agent) return agent;
  const options = { keepAlive: true, maxSockets: 8 };
  agent =
    protocol === 'https:'
      ? new https.Agent({
          ...options,
          ...(tls?.ca !== undefined && { ca: tls.ca }),
          ...(tls?.cert !== undefined && { cert: tls.cert, key: tls.key, passphrase: tls.keyPassword }),
          rejectUnauthorized: !tls?.insecureSkipVerify,
        })
      : new http.Agent(options);
  byProtocol.set(protocol, agent);
  return agent;
}

/** `Authorization: Basic …` for a user and password, when a user is set. */
export function basicAuthorization(username: string | undefined, password: string | undefined) {
  return username === undefined
    ? undefined
    : `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
}

/** One JSON call: the status and body of whatever the server answered, or a NoAnswerError. */
export function jsonRequest(req: JsonRequest): Promise<JsonAnswer> {
  const { url, where } = req;
  const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
  return new Promise<JsonAnswer>((resolve, reject) => {
    let request: http.ClientRequest;
    try {
      request = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: req.method,
          agent: agentOf(req.owner, url.protocol, req.tls),
          headers: {
            accept: req.accept ?? 'application/json',
            ...(payload && {
              'content-type': req.contentType ?? 'application/json',
              'content-length': payload.length,
            }),
            ...(req.authorization && { authorization: req.authorization }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > req.maxBytes) {
              request.destroy(
                new NoAnswerError('too_large', `${where} sent more than ${req.maxBytes} bytes`),
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
              // not JSON: json stays undefined
            }
            resolve({ status: response.statusCode ?? 0, json, text });
          });
          response.on('error', (error) =>
            reject(new NoAnswerError('broken', `${where} broke off its answer (${error.message})`)),
          );
        },
      );
    } catch (error) {
      // TLS options that cannot be used (a key that does not open or match) throw here, not later.
      const code = (error as NodeJS.ErrnoException).code;
      reject(
        new NoAnswerError(
          'unreachable',
          `${where} cannot be reached: its TLS settings cannot be used (${code ?? 'error'})`,
        ),
      );
      return;
    }
    const timer = setTimeout(() => {
      request.destroy(new NoAnswerError('timeout', `${where} did not answer within ${req.timeoutMs} ms`));
    }, req.timeoutMs);
    const onAbort = () => request.destroy(new NoAnswerError('timeout', 'the request was cancelled', true));
    req.signal?.addEventListener('abort', onAbort, { once: true });
    request.on('close', () => req.signal?.removeEventListener('abort', onAbort));
    request.on('error', (error) => {
      clearTimeout(timer);
      if (error instanceof NoAnswerError) reject(error);
      else {
        const code = (error as NodeJS.ErrnoException).code;
        reject(new NoAnswerError('unreachable', `${where} cannot be reached (${code ?? error.message})`));
      }
    });
    if (payload) request.write(payload);
    request.end();
  });
}

/**
 * What an error answer says, in the `{ "error_code": …, "message": … }` body the registry and
 * Connect both send: the code, and the message as `: …` (cut to 300 characters after `mask`).
 */
export function errorDetail(
  json: unknown,
  mask: (text: string) => string = (text) => text,
): { code: number | null; said: string } {
  const detail = json as { error_code?: unknown; message?: unknown } | undefined | null;
  return {
    code: typeof detail?.error_code === 'number' ? detail.error_code : null,
    said: typeof detail?.message === 'string' ? `: ${mask(detail.message).slice(0, 300)}` : '',
  };
}

/** The failure an error status means: 401/403 the credentials, 404 not found, 5xx down, the rest refused. */
export function statusFailure(
  status: number,
  where: string,
  said: string,
): { kind: 'unauthorized' | 'not_found' | 'down' | 'refused'; message: string } {
  if (status === 401 || status === 403)
    return { kind: 'unauthorized', message: `${where} refused the console's credentials (HTTP ${status})` };
  if (status === 404) return { kind: 'not_found', message: `not found in ${where}${said}` };
  return { kind: status >= 500 ? 'down' : 'refused', message: `${where} answered HTTP ${status}${said}` };
}
