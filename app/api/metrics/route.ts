// GET /api/metrics — Prometheus metrics (optionally behind a bearer token)
import { handler } from '@/server/http/handler';
import { authorizeScrape, renderMetrics } from '@/server/ops/metrics-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async ({ request }) => {
  authorizeScrape(request);
  return renderMetrics();
});
