import 'server-only';
import { actionRoles, roleAllows, type Action } from '@/lib/schemas/auth';
import { getAuthConfig } from '@/server/auth/config';
import { isSecureRequest, sessionFromRequest, type Session } from '@/server/auth/session';
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
export function authenticate(request: Request): Session {
  const session = sessionFromRequest(request);
  if (!session) throw new AppError('unauthenticated', 'Sign in to use the console API');
  return session;
}

/** The origin the browser sees: KAFKASCOPE_PUBLIC_URL, else the (forwarded) host and scheme of this request. */
export function serverOrigin(request: Request): string {
  const configured = getAuthConfig().publicOrigin;
  if (configured) return configured;
  const host =
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ||
    request.headers.get('host') ||
    new URL(request.url).host;
  return `${isSecureRequest(request) ? 'https' : 'http'}://${host}`;
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
