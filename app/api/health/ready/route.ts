// GET /api/health/ready — readiness: every configured cluster answers within a bounded time
import { NextResponse } from 'next/server';
import { handler } from '@/server/http/handler';
import { checkReadiness } from '@/server/services/clusters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// 503 when any cluster is down, with the same body, so a probe sees the verdict and a person the reason.
export const GET = handler(async () => {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.status === 'ok' ? 200 : 503 });
});
