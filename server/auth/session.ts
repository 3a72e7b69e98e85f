import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RoleSchema, type Role } from '@/lib/schemas/auth';
import { getAuthConfig, type AuthConfig } from '@/server/auth/config';

const SESSION_COOKIE = 'kafkascope_session';

export interface Session {
  username: string;
  role: Role;
  via: 'password' | 'oidc' | 'none';
  /** Seconds since the epoch. */
  expiresAt: number | null;
}

/** Who everyone is when login is off (KAFKASCOPE_AUTH=none). */
export const ANONYMOUS_ADMIN: Session = {
  username: 'anonymous',
  role: 'admin',
  via: 'none',
  expiresAt: null,
};

interface Payload {
  u: string;
  r: Role;
  v: 'password' | 'oidc';
  exp: number;
  /** Password sessions: a fingerprint of the password hash they were made with. */
  f?: string;
}

const sign = (secret: Buffer, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

/**
 * A short keyed digest of the user's password hash: a session made before a password change no longer
 * matches, so changing the password ends it. Keyed with the session secret, so the cookie (readable by
 * its holder) tells nothing about the hash.
 */
function passwordFingerprint(secret: Buffer, passwordHash: string): string {
  return createHmac('sha256', secret).update(`password:${passwordHash}`).digest('base64url').slice(0, 16);
}

/** `base64url(JSON).base64url(HMAC-SHA256)`: the cookie carries the session, the server keeps no store. */
export function encodeSession(
  session: Omit<Session, 'expiresAt'>,
  config: AuthConfig = getAuthConfig(),
  now = Date.now(),
): { value: string; expiresAt: number } {
  const exp = Math.floor(now / 1000) + config.sessionTtlSeconds;
  const via = session.via === 'oidc' ? 'oidc' : 'password';
  const payload: Payload = { u: session.username, r: session.role, v: via, exp };
  if (via === 'password') {
    const user = config.users.get(session.username);
    if (!user) throw new Error(`No password user "${session.username}" to make a session for`);
    payload.f = passwordFingerprint(config.sessionSecret, user.passwordHash);
  }
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return { value: `${data}.${sign(config.sessionSecret, data)}`, expiresAt: exp };
}

export function decodeSession(
  value: string | undefined,
  config: AuthConfig = getAuthConfig(),
  now = Date.now(),
): Session | null {
  if (!value || value.length > 4096) return null;
  const [data, mac, extra] = value.split('.');
  if (!data || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(config.sessionSecret, data));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Payload;
  } catch {
    return null;
  }
  // Signed by us, but JSON can be `null`, a number or an array: only an object is a session.
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now || typeof payload.u !== 'string')
    return null;
  const role = RoleSchema.safeParse(payload.r);
  if (!role.success) return null;
  if (payload.v === 'password') {
    // A user removed from the configuration (or given another role) is so from the next request on,
    // and a new password hash ends the sessions made with the old one.
    const user = config.users.get(payload.u);
    if (!user || typeof payload.f !== 'string') return null;
    const expectedPrint = Buffer.from(passwordFingerprint(config.sessionSecret, user.passwordHash));
    const givenPrint = Buffer.from(payload.f);
    if (givenPrint.length !== expectedPrint.length || !timingSafeEqual(givenPrint, expectedPrint))
      return null;
    return { username: user.username, role: user.role, via: 'password', expiresAt: payload.exp };
  }
  // Single sign-on taken out of the configuration ends its sessions.
  if (payload.v !== 'oidc' || !config.oidc) return null;
  return { username: payload.u, role: role.data, via: 'oidc', expiresAt: payload.exp };
}

function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The request's session: the anonymous admin when login is off, null when there is no valid cookie. */
export function sessionFromRequest(request: Request): Session | null {
  return sessionFromHeaders(request.headers);
}

/** sessionFromRequest for code that has the request's headers only (a server component's `headers()`). */
export function sessionFromHeaders(headers: Pick<Headers, 'get'>): Session | null {
  const config = getAuthConfig();
  if (config.mode === 'none') return ANONYMOUS_ADMIN;
  return decodeSession(cookieValue(headers.get('cookie'), SESSION_COOKIE), config);
}

/** Secure when the browser reached us over TLS (directly or through a proxy that says so), or when configured. */
export function isSecureRequest(request: Request, config: AuthConfig = getAuthConfig()): boolean {
  if (config.secureCookies === 'always') return true;
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded) return forwarded === 'https';
  return new URL(request.url).protocol === 'https:';
}

export function sessionCookie(request: Request, value: string, maxAgeSeconds: number): string {
  const secure = isSecureRequest(request) ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function clearedSessionCookie(request: Request): string {
  return sessionCookie(request, '', 0);
}
