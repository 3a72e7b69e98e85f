import 'server-only';
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from '@tanstack/react-query';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { HydratedError } from '@/lib/query/hydration';
import { sessionFromHeaders, type Session } from '@/server/auth/session';
import type { ClusterConfig } from '@/server/config/schema';
import { resolveCluster, toAppError } from '@/server/http/handler';

/**
 * The page-side twin of handler()/withCluster: a server component reads its page's main queries by
 * calling the services their API routes call, with the same checks (a session; the cluster of the
 * address, or the 404 the route would answer), and hands them to the browser dehydrated (TanStack
 * Query's Next.js prefetching pattern). The cache then starts with what the browser's own fetch of the
 * route would have put there: the same key, the answer parsed by the same schema after a trip through
 * JSON (so only the schema's fields, never anything else of a service's objects, go into the HTML),
 * and a failure as the route's JSON error.
 */
export interface PageQuery {
  queryKey: QueryKey;
  /** The schema lib/api parses the route's answer with. */
  schema: z.ZodType;
  /** What the route handler returns for it. */
  load: () => unknown;
}

/**
 * The page request's session, read as handler() reads an API call's. proxy.ts has already sent anyone
 * without one to sign in; this is the same check where the data is read, never left to the proxy alone.
 */
export async function pageSession(): Promise<Session> {
  const session = sessionFromHeaders(await headers());
  if (!session) redirect('/login');
  return session;
}

/** A failed query as the route's error answer; unexpected failures are logged as handler() logs them. */
function hydratedError(error: unknown): HydratedError {
  const appError = toAppError(error);
  return { code: appError.code, status: appError.status, message: appError.message };
}

/**
 * Reads `queries` at once and dehydrates them, failures included (the page then shows its error UI at
 * once, and the browser retries on mount as it does for any failed query). It never rejects. Taking the
 * caller's session makes the check a precondition: nothing is read for a request without one.
 */
export async function prefetchQueries(_session: Session, queries: PageQuery[]): Promise<DehydratedState> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await Promise.all(
    queries.map(({ queryKey, schema, load }) =>
      client.prefetchQuery({
        queryKey,
        queryFn: async () => schema.parse(JSON.parse(JSON.stringify(await load()))) as unknown,
      }),
    ),
  );
  const state = dehydrate(client, {
    shouldDehydrateQuery: (query) => query.state.status === 'success' || query.state.status === 'error',
  });
  return {
    ...state,
    queries: state.queries.map((query) => {
      if (query.state.status !== 'error') return query;
      const error = hydratedError(query.state.error) as unknown as Error;
      return { ...query, state: { ...query.state, error, fetchFailureReason: error } };
    }),
  };
}

/**
 * prefetchQueries for the queries of one cluster's page: each `load` gets the cluster of the address
 * (with `topic`, a valid topic name), or its query fails with the route's 404 or 400.
 */
export function prefetchCluster(
  session: Session,
  clusterId: string,
  queries: Array<Omit<PageQuery, 'load'> & { load: (cluster: ClusterConfig) => unknown }>,
  { topic }: { topic?: string } = {},
): Promise<DehydratedState> {
  return prefetchQueries(
    session,
    queries.map((query) => ({ ...query, load: () => query.load(resolveCluster(clusterId, topic)) })),
  );
}
