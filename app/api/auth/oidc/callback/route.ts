// GET /api/auth/oidc/callback — the provider's redirect back: exchange the code, set the session cookie
import { NextResponse } from 'next/server';
import { auditAuth } from '@/server/auth/auth-audit';
import { getAuthConfig } from '@/server/auth/config';
import { serverOrigin } from '@/server/auth/guard';
import { CALLBACK_PATH, OIDC_FLOW_COOKIE, finishSignIn } from '@/server/auth/oidc';
import { encodeSession, sessionCookie } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import { handler } from '@/server/http/handler';
import { log } from '@/server/log';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async ({ request }) => {
  const started = performance.now();
  const back = (path: string) => NextResponse.redirect(new URL(path, serverOrigin(request)), 303);
  let response: NextResponse;
  try {
    const { session, next } = await finishSignIn(request, request.cookies.get(OIDC_FLOW_COOKIE)?.value);
    response = back(next);
    const { value } = encodeSession(session);
    response.headers.append('set-cookie', sessionCookie(request, value, getAuthConfig().sessionTtlSeconds));
    auditAuth(request, started, {
      action: 'auth.oidc',
      user: session.username,
      role: session.role,
      via: 'oidc',
      result: 'ok',
      status: 303,
    });
  } catch (error) {
    // The browser gets a short code on the login page; the reason goes to the log, without tokens.
    const stale = error instanceof AppError && error.message === 'oidc_state';
    if (!stale) log('warn', 'single sign-on failed', { error: (error as Error).message });
    response = back(`/login?error=${stale ? 'oidc_state' : 'oidc'}`);
    auditAuth(request, started, {
      action: 'auth.oidc',
      user: null,
      role: null,
      via: 'oidc',
      result: stale ? 'oidc_state' : 'failed',
      status: 303,
    });
  }
  response.headers.append(
    'set-cookie',
    `${OIDC_FLOW_COOKIE}=; Path=${CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=0`,
  );
  return response;
});
