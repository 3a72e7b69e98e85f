// POST /api/auth/logout — clear the session cookie
import { NextResponse } from 'next/server';
import { checkSameOrigin } from '@/server/auth/guard';
import { clearedSessionCookie } from '@/server/auth/session';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handler(async ({ request }) => {
  checkSameOrigin(request);
  const response = NextResponse.json({ ok: true });
  response.headers.append('set-cookie', clearedSessionCookie(request));
  return response;
});
