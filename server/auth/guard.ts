import 'server-only';
import { actionRoles, roleAllows, type Action } from '@/lib/schemas/auth';
import { getAuthConfig } from '@/server/auth/config';
import { forwardedHeader } from '@/server/auth/client-address';
import type { Session } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';

/** API paths anyone may call: liveness for orchestrators, metrics for scrapers, and signing in itself. */
export function isPublicApiPath(pathname: string): boolean {
  return (
    pathname === '/api/health' ||
    pathname.startsWith('/api/health/') ||
    pathname === '/api/metrics' ||
    pathname.startsWith('/api/auth/')
  );
}

/** The caller's session; a 401 `unauthenticated` without one. */
export function requireSession(session: Session | null): Session {
  if (!session) throw new AppError('unauthenticated', 'Sign in to use the console API');
  return session;
}

/**
 * The origin the browser sees: KAFKASCOPE_PUBLIC_URL, else the scheme and host of this request. The
 * X-Forwarded-Host/-Proto headers count only when a trusted proxy set them (KAFKASCOPE_TRUSTED_PROXIES):
 * otherwise the client wrote them, and a forged pair would make any Origin look like our own.
 */
export function serverOrigin(request: Request): string {
  const config = getAuthConfig();
  if (config.publicOrigin) return config.publicOrigin;
  const host =
    forwardedHeader(request, 'x-forwarded-host', config.trustedProxies) ||
    request.headers.get('host') ||
    new URL(request.url).host;
  const forwardedProto = forwardedHeader(request, 'x-forwarded-proto', config.trustedProxies);
  const scheme = forwardedProto
    ? forwardedProto === 'https'
      ? 'https'
      : 'http'
    : config.secureCookies === 'always' || new URL(request.url).protocol === 'https:'
      ? 'https'
      : 'http';
  return `${scheme}://${host}`;
}

/**
 * Browsers say where a request comes from (Sec-Fetch-Site, Origin); a mutation another site made a
 * browser send is refused. Requests with neither header come from scripts, not browsers, and still need
 * a session cookie, which SameSite=Lax keeps off cross-site requests anyway.
 */
export function checkSameOrigin(request: Request): void {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin')
    throw new AppError('csrf', `Cross-site request refused (Sec-Fetch-Site: ${site})`);
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== serverOrigin(request))
    throw new AppError('csrf', 'Cross-origin request refused: the Origin header does not match this console');
}

export function checkRole(session: Session, action: Action): void {
  if (!roleAllows(session.role, action))
    throw new AppError(
      'forbidden',
      `${action} needs the ${actionRoles[action]} role; ${session.username} is ${session.role}`,
    );
}
