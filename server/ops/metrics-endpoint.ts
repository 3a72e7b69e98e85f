import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/server/http/app-error';
import { sharedLagMetrics } from '@/server/ops/lag-metrics';
import { metrics } from '@/server/ops/metrics';
import { sharedReadiness } from '@/server/services/clusters';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * With KAFKASCOPE_METRICS_TOKEN set, a scrape must send `Authorization: Bearer <token>`. Both sides
 * are hashed first so the comparison takes the same time whatever the length or content of a guess.
 */
export function authorizeScrape(request: Request, token = process.env.KAFKASCOPE_METRICS_TOKEN): void {
  if (!token) return;
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match || !timingSafeEqual(digest(match[1]!), digest(token))) {
    throw new AppError('unauthorized', 'Metrics need a valid bearer token');
  }
}

/**
 * The Prometheus text exposition, with each cluster's up gauge refreshed by the shared readiness
 * check and its consumer lag read alongside (server/ops/lag-metrics.ts), each within its bound.
 */
export async function renderMetrics(): Promise<Response> {
  const [, lag] = await Promise.all([sharedReadiness(), sharedLagMetrics()]);
  const { registry } = metrics();
  const text = await registry.metrics();
  return new Response(lag ? `${text.trimEnd()}\n\n${lag}` : text, {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
