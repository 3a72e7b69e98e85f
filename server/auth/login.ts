import 'server-only';
import type { LoginInput, Me } from '@/lib/schemas/auth';
import { actions, roleAllows } from '@/lib/schemas/auth';
import { getAuthConfig } from '@/server/auth/config';
import { dummyHash, verifyPassword } from '@/server/auth/password';
import type { Session } from '@/server/auth/session';
import { recordFailure, recordSuccess, retryAfterMs } from '@/server/auth/throttle';
import { AppError } from '@/server/http/app-error';

export function clientIp(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct';
}

/** Checks a user name and password; one message for every failure, so it tells nothing about which users exist. */
export async function checkPassword(request: Request, input: LoginInput): Promise<Session> {
  const config = getAuthConfig();
  if (config.mode === 'none') throw new AppError('conflict', 'Login is disabled on this console');
  const ip = clientIp(request);
  const wait = retryAfterMs(input.username, ip);
  if (wait > 0)
    throw new AppError(
      'too_many_requests',
      `Too many failed attempts: try again in ${Math.ceil(wait / 1000)} s`,
    );
  const user = config.users.get(input.username);
  // Unknown users are checked against a dummy hash of the same cost: the answer takes as long either way.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  if (!ok || !user) {
    recordFailure(input.username, ip);
    throw new AppError('unauthenticated', 'Wrong user name or password');
  }
  recordSuccess(input.username, ip);
  return { username: user.username, role: user.role, via: 'password', expiresAt: null };
}

export function describeSession(session: Session): Me {
  return {
    username: session.username,
    role: session.role,
    authMode: getAuthConfig().mode,
    via: session.via,
    actions: actions.filter((action) => roleAllows(session.role, action)),
    expiresAt: session.expiresAt ? new Date(session.expiresAt * 1000).toISOString() : null,
  };
}
