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

export const metadata: Metadata = { title: 'Alerts' };

/**
 * Alerts belong to the console, not to one cluster: the shell is drawn around the first configured
 * cluster, so the sidebar's cluster sections stay one click away.
 */
export default async function AlertsLayout({ children }: { children: ReactNode }) {
  const session = await pageSession();
  const clusters = listClusters();
  const state = await prefetchQueries(session, [
    { queryKey: clustersOptions().queryKey, schema: ClusterListSchema, load: () => clusters },
    { queryKey: meOptions().queryKey, schema: MeSchema, load: () => describeSession(session) },
  ]);
  return (
    <Hydrate state={state}>
      <ConsoleShell clusterId={clusters.clusters[0]?.id ?? ''}>{children}</ConsoleShell>
    </Hydrate>
  );
}
