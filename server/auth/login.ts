import 'server-only';
import { NextResponse } from 'next/server';
import { actions, roleAllows, type LoginInput, type Me } from '@/lib/schemas/auth';
import { auditAuth, outcomeOf } from '@/server/auth/auth-audit';
import { clientAddress } from '@/server/auth/client-address';
import { getAuthConfig } from '@/server/auth/config';
import { checkSameOrigin } from '@/server/auth/guard';
import { dummyHash, verifyPassword } from '@/server/auth/password';
import { encodeSession, sessionCookie, type Session } from '@/server/auth/session';
import { beginAttempt, recordSuccess } from '@/server/auth/throttle';
import { AppError } from '@/server/http/app-error';

/** Checks a user name and password; one message for every failure, so it tells nothing about which users exist. */
async function checkPassword(request: Request, input: LoginInput): Promise<Session> {
  const config = getAuthConfig();
  if (config.mode === 'none') throw new AppError('conflict', 'Login is disabled on this console');
  // Unknown without a trusted proxy: every caller shares one key, and the per-user-name limit applies.
  const address = clientAddress(request) ?? 'unknown';
  const attempt = beginAttempt(input.username, address);
  if (!attempt.ok)
    throw new AppError(
      'too_many_requests',
      attempt.reason === 'blocked'
        ? `Too many failed attempts: try again in ${Math.ceil(attempt.waitMs / 1000)} s`
        : 'Too many sign-ins at once: try again in a moment',
    );
  let ok: boolean;
  const user = config.users.get(input.username);
  try {
    // Unknown users are checked against a dummy hash of the same cost: the answer takes as long either way.
    ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
  } finally {
    attempt.release();
  }
  // The attempt was counted as a failure when it was admitted; only a success undoes that.
  if (!ok || !user) throw new AppError('unauthenticated', 'Wrong user name or password');
  recordSuccess(input.username, address);
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

/** A user name and a password fit in far less; a sign-in is public, so its body is kept small. */
export const LOGIN_BODY_LIMIT_BYTES = 16 * 1024;

/**
 * POST /api/auth/login: same-origin check (another site must not sign a browser in as someone else),
 * the password check, the session cookie, and an audit line whatever the outcome. `readInput` reads
 * the body, after the origin check, so that a body refused as malformed is audited too.
 */
export async function passwordSignIn(
  request: Request,
  readInput: () => Promise<LoginInput>,
): Promise<Response> {
  const started = performance.now();
  let username: string | null = null;
  try {
    checkSameOrigin(request);
    const input = await readInput();
    username = input.username;
    const session = await checkPassword(request, input);
    const { value, expiresAt } = encodeSession(session);
    const response = NextResponse.json(describeSession({ ...session, expiresAt }));
    response.headers.append('set-cookie', sessionCookie(request, value, getAuthConfig().sessionTtlSeconds));
    auditAuth(request, started, {
      action: 'auth.login',
      user: session.username,
      role: session.role,
      via: 'password',
      result: 'ok',
      status: 200,
    });
    return response;
  } catch (error) {
    auditAuth(request, started, {
      action: 'auth.login',
      user: username,
      role: null,
      via: 'password',
      ...outcomeOf(error),
    });
    throw error;
  }
}
