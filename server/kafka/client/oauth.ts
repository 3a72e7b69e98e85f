import 'server-only';
import { readFile, stat } from 'node:fs/promises';

/**
 * OAUTHBEARER tokens for kafkajs, which asks for one at every broker connection: both sources cache,
 * so a cluster of many brokers costs one token endpoint call per token lifetime, not one per socket.
 */

/** A token could not be had: kafkajs passes it on, and errors.ts reports it as an authentication failure. */
export class OAuthTokenError extends Error {
  override name = 'OAuthTokenError';
}

/** Seconds before expiry at which a cached token is replaced: a connection never starts with a dying token. */
const REFRESH_MARGIN_S = 60;

/** The `exp` claim of a JWT, in ms since the epoch; null for opaque tokens. */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * A token someone else keeps fresh in a file (a sidecar, a mounted secret): re-read when the file
 * changes or the token it held has expired, never more than needed.
 */
export function tokenFileSource(file: string): () => Promise<string> {
  let cached: { mtimeMs: number; size: number; token: string; expiresAt: number | null } | null = null;
  return async () => {
    let info;
    try {
      info = await stat(file);
    } catch (error) {
      throw new OAuthTokenError(
        `cannot read the OAuth token file ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      );
    }
    const expired = cached?.expiresAt != null && cached.expiresAt <= Date.now();
    if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size || expired) {
      const token = (await readFile(file, 'utf8')).trim();
      if (!token) throw new OAuthTokenError(`the OAuth token file ${file} is empty`);
      cached = { mtimeMs: info.mtimeMs, size: info.size, token, expiresAt: jwtExpiry(token) };
    }
    return cached.token;
  };
}

/** A URL as errors may show it: origin and path, without user info, query or fragment. */
function endpointLabel(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Why fetch failed, by error code only: undici's messages and causes may quote the URL they were
 * given, user info and query included.
 */
function fetchFailure(error: unknown): string {
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 5; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]+$/.test(code)) return `request failed (${code})`;
    cause = (cause as { cause?: unknown }).cause;
  }
  return 'request failed';
}

export interface ClientCredentials {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/**
 * The OAuth 2 client-credentials grant (RFC 6749 §4.4) with HTTP Basic client authentication, as
 * Kafka's own Java client does it. The token is cached until shortly before `expires_in` runs out;
 * concurrent connections share one request. Failures name the endpoint and its status, never the secret.
 */
export function clientCredentialsSource(
  credentials: ClientCredentials,
  timeoutMs: number,
  now: () => number = Date.now,
): () => Promise<string> {
  let cached: { token: string; refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;

  // Named in errors by origin and path only: whatever else a URL carries stays out of messages and logs.
  const endpoint = endpointLabel(credentials.tokenEndpoint);
  const request = async (): Promise<string> => {
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (credentials.scope) body.set('scope', credentials.scope);
    const basic = Buffer.from(
      `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
    ).toString('base64');
    let response: Response;
    try {
      response = await fetch(credentials.tokenEndpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new OAuthTokenError(`OAuth token endpoint ${endpoint}: ${fetchFailure(error)}`);
    }
    if (!response.ok) {
      throw new OAuthTokenError(
        `OAuth token endpoint ${endpoint} answered ${response.status}: check the client id and secret`,
      );
    }
    const json = (await response.json().catch(() => ({}))) as {
      access_token?: unknown;
      expires_in?: unknown;
    };
    if (typeof json.access_token !== 'string' || !json.access_token) {
      throw new OAuthTokenError(`OAuth token endpoint ${endpoint} answered without an access_token`);
    }
    const expiresAt =
      typeof json.expires_in === 'number'
        ? now() + json.expires_in * 1000
        : (jwtExpiry(json.access_token) ?? now() + 5 * 60_000);
    const lifetime = expiresAt - now();
    // Shortly before expiry: a minute, or a tenth of a short lifetime.
    const margin = Math.min(REFRESH_MARGIN_S * 1000, lifetime / 10);
    cached = { token: json.access_token, refreshAt: expiresAt - margin };
    return json.access_token;
  };

  return async () => {
    if (cached && now() < cached.refreshAt) return cached.token;
    pending ??= request().finally(() => {
      pending = null;
    });
    return pending;
  };
}
