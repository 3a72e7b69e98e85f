import 'server-only';
import { getAuthConfig } from '@/server/auth/config';

/**
 * The caller's address, for the sign-in throttle and the audit log. Each trusted proxy appends the
 * address it received the request from to X-Forwarded-For, so with n trusted proxies the client is
 * the n-th entry from the right; anything further left was written by the client and proves nothing.
 * Without a trusted proxy the header is ignored: Next's route handlers do not expose the socket, so
 * the address is unknown (null) and the per-user-name limits do the work.
 */
export function clientAddress(
  request: Request,
  trustedProxies = getAuthConfig().trustedProxies,
): string | null {
  if (trustedProxies <= 0) return null;
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  // Fewer entries than proxies: the request came through fewer hops than configured; the left-most is the best known.
  const address = entries[Math.max(0, entries.length - trustedProxies)]!;
  return address.slice(0, 100);
}

/** The first value of a X-Forwarded-* header, when a trusted proxy set it. */
export function forwardedHeader(
  request: Request,
  name: 'x-forwarded-host' | 'x-forwarded-proto',
  trustedProxies = getAuthConfig().trustedProxies,
): string | null {
  if (trustedProxies <= 0) return null;
  const values = (request.headers.get(name) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  // The proxy nearest the client saw what the browser asked for; with one proxy that is its own value.
  return values[Math.max(0, values.length - trustedProxies)] ?? null;
}
