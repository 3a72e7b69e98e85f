import 'server-only';
import type { NextRequest } from 'next/server';
import type { Action } from '@/lib/schemas/auth';
import { checkRole, checkSameOrigin } from '@/server/auth/guard';
import { sessionFromRequest, type Session } from '@/server/auth/session';
import { audit } from '@/server/audit';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { clientAddress } from '@/server/http/client-address';
import { withCluster, type HandlerArgs } from '@/server/http/handler';
import { parsedBodyOf } from '@/server/http/parse';

type MutationArgs = HandlerArgs & { cluster: ClusterConfig; session: Session };
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function nameOf(body: unknown): string | undefined {
  const name = (body as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name.slice(0, 249) : undefined;
}

/** The result of a refused or failed request as the caller saw it: its error code, read from the body. */
async function resultOf(response: Response): Promise<string> {
  if (response.ok) return 'ok';
  try {
    const body = (await response.clone().json()) as { error?: { code?: string } };
    return body.error?.code ?? String(response.status);
  } catch {
    return String(response.status);
  }
}

/**
 * The only way to export a POST/PUT/PATCH/DELETE route (a unit test walks app/api to make sure):
 * same-origin check, the role the action needs, the cluster's read-only flag, and one audit line
 * whatever the outcome, 401s included.
 */
export function mutation<T>(action: Action, fn: (args: MutationArgs) => Promise<T>) {
  const route = withCluster(async (args) => {
    checkSameOrigin(args.request);
    // handler() authenticated already; a null session here would be a public path, which mutations never are.
    if (!args.session) throw new AppError('unauthenticated', 'Sign in to use the console API');
    checkRole(args.session, action);
    if (args.cluster.readOnly)
      throw new AppError(
        'read_only',
        `Cluster "${args.cluster.name}" is read-only: ${action} is refused for everyone`,
      );
    return fn({ ...args, session: args.session });
  });
  const audited = async (request: NextRequest, context: RouteContext): Promise<Response> => {
    const started = performance.now();
    const response = await route(request, context);
    const params = (await context?.params) ?? {};
    const session = sessionFromRequest(request);
    const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
    audit({
      user: session?.username ?? null,
      role: session?.role ?? null,
      via: session?.via ?? null,
      action,
      cluster: text('clusterId') ?? null,
      // A new topic's name is in the body, not the path: the body the handler read (after the session check).
      topic: text('topic') ?? (action === 'topic.create' ? nameOf(parsedBodyOf(request)) : undefined),
      group: text('group'),
      result: await resultOf(response),
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      ip: clientAddress(request),
    });
    return response;
  };
  return Object.assign(audited, { action });
}
