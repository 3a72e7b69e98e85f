// POST /api/auth/logout — clear the session cookie
import { NextResponse } from 'next/server';
import { auditAuth, outcomeOf } from '@/server/auth/auth-audit';
import { checkSameOrigin } from '@/server/auth/guard';
import { clearedSessionCookie } from '@/server/auth/session';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handler(async ({ request, session }) => {
  const started = performance.now();
  const who = { user: session?.username ?? null, role: session?.role ?? null, via: session?.via ?? null };
  try {
    checkSameOrigin(request);
  } catch (error) {
    auditAuth(request, started, { action: 'auth.logout', ...who, ...outcomeOf(error) });
    throw error;
  }
  const response = NextResponse.json({ ok: true });
  response.headers.append('set-cookie', clearedSessionCookie(request));
  auditAuth(request, started, { action: 'auth.logout', ...who, result: 'ok', status: 200 });
  return response;
});
