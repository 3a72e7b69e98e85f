import 'server-only';
import { withRequestCount } from '@/server/kafka';
import { log } from '@/server/log';
import { metrics } from '@/server/ops/metrics';
import { routePattern } from '@/server/ops/route-pattern';

// Probes and scrapes arrive every few seconds; at info they would drown the lines worth reading.
const QUIET_ROUTES = new Set(['/api/health', '/api/health/ready', '/api/metrics']);

/**
 * Times one API request and writes its access-log line and HTTP metrics. For streams (search,
 * tail) the time is until the response starts, which is what a client waits on before the first event.
 */
export async function observeRequest(request: Request, run: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const route = routePattern(new URL(request.url).pathname);
  let status = 500;
  let kafkaRequests = 0;
  try {
    const counted = await withRequestCount(run);
    status = counted.result.status;
    kafkaRequests = counted.kafkaRequests;
    return counted.result;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    metrics().httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
    log(QUIET_ROUTES.has(route) ? 'debug' : 'info', 'request', {
      method: request.method,
      route,
      status,
      durationMs: Math.round(seconds * 1000),
      kafkaRequests,
    });
  }
}
