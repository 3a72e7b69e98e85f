// GET /api/auth/oidc/start — redirect to the OpenID provider (authorization code flow with PKCE, state and nonce)
import { NextResponse } from 'next/server';
import { CALLBACK_PATH, OIDC_FLOW_COOKIE, startSignIn } from '@/server/auth/oidc';
import { isSecureRequest } from '@/server/auth/session';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async ({ request, query }) => {
  const { url, flowCookie } = await startSignIn(request, query.get('next'));
  const response = NextResponse.redirect(url, 303);
  const secure = isSecureRequest(request) ? '; Secure' : '';
  // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  response.headers.append(
    'set-cookie',
    `${OIDC_FLOW_COOKIE}=${flowCookie}; Path=${CALLBACK_PATH}; HttpOnly; SameSite=Lax; Max-Age=600${secure}`,
  );
  return response;
});
