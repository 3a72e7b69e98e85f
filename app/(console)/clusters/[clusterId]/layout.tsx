import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/layout/console-shell';
import { Hydrate } from '@/components/layout/hydrate';
import { meOptions } from '@/lib/query/auth';
import { clustersOptions } from '@/lib/query/clusters';
import { MeSchema } from '@/lib/schemas/auth';
import { ClusterListSchema } from '@/lib/schemas/cluster';
import { describeSession } from '@/server/auth/login';
import { pageSession, prefetchQueries } from '@/server/http/prefetch';
import { listClusters } from '@/server/services/clusters';

type Params = Promise<{ clusterId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { clusterId } = await params;
  return { title: clusterId };
}

/**
 * The shell comes drawn: the cluster list and who is signed in are read from the configuration and the
 * session (no Kafka request), so the sidebar, switcher and user menu need no request of their own. The
 * clusters' health (readiness, which asks Kafka) stays a poll from the browser.
 */
export default async function ClusterLayout({ children, params }: { children: ReactNode; params: Params }) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = await prefetchQueries(session, [
    { queryKey: clustersOptions().queryKey, schema: ClusterListSchema, load: listClusters },
    { queryKey: meOptions().queryKey, schema: MeSchema, load: () => describeSession(session) },
  ]);
  return (
    <Hydrate state={state}>
      <ConsoleShell clusterId={clusterId}>{children}</ConsoleShell>
    </Hydrate>
  );
}
