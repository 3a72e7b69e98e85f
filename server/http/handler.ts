import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import type { ApiErrorBody } from '@/lib/schemas/api-error';
import { TopicNameSchema } from '@/lib/schemas/topic';
import { isPublicApiPath, requireSession } from '@/server/auth/guard';
import { sessionFromRequest, type Session } from '@/server/auth/session';
import { findCluster } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError, asAppError } from '@/server/http/app-error';
import {
  auditContext,
  type AuditBatch,
  type AuditChange,
  type AuditContext,
  type Outcome,
} from '@/server/http/audit-context';
import { MALFORMED_PATH_HEADER, setCommonHeaders } from '@/server/http/common-headers';
import { readJsonBody, validated, type BodyOptions } from '@/server/http/parse';
import type { RouteParams } from '@/server/http/route-params';
import { withRequestCount } from '@/server/kafka';
import { log } from '@/server/log';
import { observeRequest } from '@/server/ops/access-log';

type RawParams = Record<string, string | string[] | undefined>;

export interface HandlerArgs<Path extends string = string> {
  request: NextRequest;
  params: RouteParams<Path>;
  query: URLSearchParams;
  /** Who is calling; null only on public paths (health, metrics, /api/auth/*) without a session. */
  session: Session | null;
  /** The JSON body, validated (see parseBody); the audit context keeps what was read. */
  body: <S extends z.ZodType>(schema: S, options?: BodyOptions) => Promise<z.infer<S>>;
  /** What a mutation changed, for its audit line: the state before and after (names and numbers, never secrets). */
  recordChange: (change: AuditChange) => void;
  /** For a batch Kafka answers item by item: which items it applied and which it refused (the audit line's result). */
  recordBatch: (batch: AuditBatch) => void;
}

interface HandlerOptions {
  /** Called once per call with its answer, whatever it was: a 401, or a 400 before the route ran, too. */
  onAnswer?: (context: AuditContext, outcome: Outcome) => void;
}

/** Any failure as the AppError its caller gets (a KafkaError by its kind); an unexpected one is `internal`, and logged. */
export function toAppError(error: unknown): AppError {
  const appError = asAppError(error);
  if (appError.code === 'internal') {
    log('error', 'request failed', {
      error: String((appError.cause as Error)?.stack ?? appError.cause ?? appError),
    });
  }
  return appError;
}

function appErrorResponse(appError: AppError): NextResponse<ApiErrorBody> {
  return NextResponse.json(
    { error: { code: appError.code, message: appError.message } },
    // Errors speak of the caller's session and of their clusters: no cache may keep or share them.
    { status: appError.status, headers: { 'cache-control': 'no-store' } },
  );
}

export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  return appErrorResponse(toAppError(error));
}

function decodeParams(raw: RawParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** parseBody for the route, keeping the body it read in the call's audit context. */
function bodyReader(request: Request, audit: AuditContext): HandlerArgs['body'] {
  return async (schema, options) => validated(schema, (audit.body = await readJsonBody(request, options)));
}

/**
 * Wraps a route handler: JSON out, every failure in the one error shape, never a stack trace to the
 * browser. `Path` is the route's own path (`'/api/clusters/[clusterId]/topics/[topic]'`), which types
 * `params`; Next's build checks that it is the file's.
 */
export function handler<Path extends string = string>(
  fn: (args: HandlerArgs<Path>) => Promise<unknown>,
  { onAnswer }: HandlerOptions = {},
) {
  return async (request: NextRequest, context: { params: Promise<RouteParams<Path>> }): Promise<Response> => {
    const started = performance.now();
    let audit: AuditContext | undefined;
    let failure: string | undefined;
    const respond = async (): Promise<Response> => {
      try {
        const params = decodeParams((await context?.params) ?? {});
        const session = sessionFromRequest(request);
        audit = auditContext(request, params, session);
        // scripts/http-guard.cjs marks a path that is not valid percent-encoding (Next cannot decode it).
        if (request.headers.has(MALFORMED_PATH_HEADER))
          throw new AppError('validation_failed', 'The request path is not valid percent-encoded UTF-8');
        if (!isPublicApiPath(request.nextUrl.pathname)) requireSession(session);
        const body = bodyReader(request, audit);
        const query = request.nextUrl.searchParams;
        const { result, kafkaRequests } = await withRequestCount(() =>
          fn({
            request,
            params: params as RouteParams<Path>,
            query,
            session,
            body,
            recordChange: (change) => {
              if (audit) audit.change = change;
            },
            recordBatch: (batch) => {
              if (audit) audit.batch = batch;
            },
          }),
        );
        const response = result instanceof Response ? result : NextResponse.json(result);
        // How many Kafka requests this answer cost: benchmarks read it, and so can anyone in devtools.
        response.headers.set('x-kafka-requests', String(kafkaRequests));
        if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
        setCommonHeaders(response.headers);
        return response;
      } catch (error) {
        const appError = toAppError(error);
        failure = appError.code;
        const response = appErrorResponse(appError);
        setCommonHeaders(response.headers);
        return response;
      }
    };
    // --- operability hook (server/ops): access log and HTTP metrics for every API request ---
    const response = await observeRequest(request, respond);
    // --- end of operability hook ---
    if (onAnswer && audit) {
      const result = response.ok ? 'ok' : (failure ?? String(response.status));
      const durationMs = Math.round(performance.now() - started);
      onAnswer(audit, { result, status: response.status, durationMs });
    }
    return response;
  };
}

/** The path of a route under a cluster: its params include `clusterId`. */
export type ClusterPath = `/api/clusters/[clusterId]${string}`;
export type ClusterArgs<Path extends ClusterPath> = HandlerArgs<Path> & { cluster: ClusterConfig };

/** `handler` plus the cluster named by the `[clusterId]` segment, or a 404 naming it. */
export function withCluster<Path extends ClusterPath = '/api/clusters/[clusterId]'>(
  fn: (args: ClusterArgs<Path>) => Promise<unknown>,
  options?: HandlerOptions,
) {
  return handler<Path>(async (args) => {
    const { clusterId = '', topic } = args.params as Partial<Record<string, string>>;
    return fn({ ...args, cluster: resolveCluster(clusterId, topic) });
  }, options);
}

/**
 * The cluster of a `[clusterId]` segment, or the 404 naming it; with a `[topic]` segment, a name Kafka
 * would accept, or a 400 (Kafka answers a name it would never accept with an empty topic). Every
 * cluster route, and every page that reads a cluster on the server (server/http/prefetch.ts), goes
 * through here.
 */
export function resolveCluster(clusterId: string, topic?: string): ClusterConfig {
  const cluster = findCluster(clusterId);
  if (!cluster) throw new AppError('not_found', `No cluster "${clusterId}" is configured`);
  if (topic !== undefined) {
    const name = TopicNameSchema.safeParse(topic);
    if (!name.success)
      throw new AppError(
        'validation_failed',
        `Invalid topic name: ${name.error.issues.map((i) => i.message).join('; ')}`,
      );
  }
  return cluster;
}
