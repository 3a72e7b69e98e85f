import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { ApiErrorBody } from '@/lib/schemas/api-error';
import { TopicNameSchema } from '@/lib/schemas/topic';
import { authenticate, isPublicApiPath } from '@/server/auth/guard';
import type { Session } from '@/server/auth/session';
import { findCluster } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError, asAppError } from '@/server/http/app-error';
import { MALFORMED_PATH_HEADER, setCommonHeaders } from '@/server/http/common-headers';
import { withRequestCount } from '@/server/kafka';
import { log } from '@/server/log';
import { observeRequest } from '@/server/ops/access-log';

type Params = Record<string, string | string[] | undefined>;
interface RouteContext {
  params: Promise<Params>;
}

export interface HandlerArgs {
  request: NextRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Who is calling; null only on public paths (health, metrics, /api/auth/*) without a session. */
  session: Session | null;
}

export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  const appError = asAppError(error);
  if (appError.code === 'internal') {
    log('error', 'request failed', {
      error: String((appError.cause as Error)?.stack ?? appError.cause ?? appError),
    });
  }
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message } },
    // Errors speak of the caller's session and of their clusters: no cache may keep or share them.
    { status: appError.status, headers: { 'cache-control': 'no-store' } },
  );
}

function decodeParams(raw: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Wraps a route handler: JSON out, every failure in the one error shape, never a stack trace to the browser. */
export function handler<T>(fn: (args: HandlerArgs) => Promise<T>) {
  const respond = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      // scripts/http-guard.cjs marks a path that is not valid percent-encoding (Next cannot decode it).
      if (request.headers.has(MALFORMED_PATH_HEADER))
        throw new AppError('validation_failed', 'The request path is not valid percent-encoded UTF-8');
      const params = decodeParams((await context?.params) ?? {});
      const session = isPublicApiPath(request.nextUrl.pathname) ? null : authenticate(request);
      const { result, kafkaRequests } = await withRequestCount(() =>
        fn({ request, params, query: request.nextUrl.searchParams, session }),
      );
      const response = result instanceof Response ? result : NextResponse.json(result);
      // How many Kafka requests this answer cost: benchmarks read it, and so can anyone in devtools.
      response.headers.set('x-kafka-requests', String(kafkaRequests));
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
      setCommonHeaders(response.headers);
      return response;
    } catch (error) {
      const response = errorResponse(error);
      setCommonHeaders(response.headers);
      return response;
    }
  };
  // --- operability hook (server/ops): access log and HTTP metrics for every API request ---
  return (request: NextRequest, context: RouteContext): Promise<Response> =>
    observeRequest(request, () => respond(request, context));
  // --- end of operability hook ---
}

/** `handler` plus the cluster named by the `[clusterId]` segment, or a 404 naming it. */
export function withCluster<T>(fn: (args: HandlerArgs & { cluster: ClusterConfig }) => Promise<T>) {
  return handler(async (args) => {
    const clusterId = args.params.clusterId ?? '';
    const cluster = findCluster(clusterId);
    if (!cluster) throw new AppError('not_found', `No cluster "${clusterId}" is configured`);
    // Kafka answers a name it would never accept with an empty topic: refuse it here, on every route.
    const { topic } = args.params;
    if (topic !== undefined) {
      const name = TopicNameSchema.safeParse(topic);
      if (!name.success)
        throw new AppError(
          'validation_failed',
          `Invalid topic name: ${name.error.issues.map((i) => i.message).join('; ')}`,
        );
    }
    return fn({ ...args, cluster });
  });
}
