// POST /api/auth/login — check { username, password } and set the session cookie
import { NextResponse } from 'next/server';
import { LoginSchema } from '@/lib/schemas/auth';
import { getAuthConfig } from '@/server/auth/config';
import { checkSameOrigin } from '@/server/auth/guard';
import { checkPassword, describeSession } from '@/server/auth/login';
import { encodeSession, sessionCookie } from '@/server/auth/session';
import { handler } from '@/server/http/handler';
import { parseBody } from '@/server/http/parse';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handler(async ({ request }) => {
  // Login CSRF: another site must not sign a browser in as someone else.
  checkSameOrigin(request);
  const session = await checkPassword(request, await parseBody(request, LoginSchema));
  const { value, expiresAt } = encodeSession(session);
  const response = NextResponse.json(describeSession({ ...session, expiresAt }));
  response.headers.append('set-cookie', sessionCookie(request, value, getAuthConfig().sessionTtlSeconds));
  return response;
});
