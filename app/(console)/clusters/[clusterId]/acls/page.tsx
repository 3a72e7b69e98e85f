import { AclsLoading, AclsView } from '@/components/acls/acls-view';
import { Prefetched } from '@/components/layout/prefetched';
import { aclListOptions } from '@/lib/query/acls';
import { AclListSchema } from '@/lib/schemas/acl';
import { aclListView } from '@/lib/url-state/acls';
import { parseUrlState, searchOf } from '@/lib/url-state/core';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listAcls } from '@/server/services/acls';

interface Props {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The bindings matching the address's filters come with the HTML; the list then polls from the browser. */
export default async function AclsPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const filter = parseUrlState(aclListView, searchOf(await searchParams));
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: aclListOptions(clusterId, filter).queryKey,
      schema: AclListSchema,
      load: (cluster) => listAcls(cluster, filter),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<AclsLoading />}>
      <AclsView />
    </Prefetched>
  );
}
