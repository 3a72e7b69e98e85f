import { SecurityLoading, SecurityView } from '@/components/cluster-admin/security-view';
import { Prefetched } from '@/components/layout/prefetched';
import { quotasOptions, scramUsersOptions } from '@/lib/query/cluster-admin';
import { QuotaListSchema, ScramUserListSchema } from '@/lib/schemas/cluster-admin';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listQuotas, listScramUsers } from '@/server/services/cluster-admin';

interface Props {
  params: Promise<{ clusterId: string }>;
}

/**
 * SCRAM users and client quotas (the tab is in the address): both lists come with the HTML, as a tab
 * switches through the History API without asking the server again.
 */
export default async function SecurityPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: scramUsersOptions(clusterId).queryKey,
      schema: ScramUserListSchema,
      load: (cluster) => listScramUsers(cluster),
    },
    {
      queryKey: quotasOptions(clusterId).queryKey,
      schema: QuotaListSchema,
      load: (cluster) => listQuotas(cluster),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<SecurityLoading />}>
      <SecurityView />
    </Prefetched>
  );
}
