import { GroupsLoading, GroupsView } from '@/components/groups/groups-view';
import { Prefetched } from '@/components/layout/prefetched';
import { groupListOptions } from '@/lib/query/groups';
import { GroupListSchema } from '@/lib/schemas/group';
import { parseUrlState, searchOf } from '@/lib/url-state/core';
import { groupListView } from '@/lib/url-state/lists';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listGroups } from '@/server/services/groups';

interface Props {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The first page of groups comes with the HTML; the list then polls from the browser. */
export default async function GroupsPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  // The address read as the list reads it in the browser (useUrlList), so that the keys are the same.
  const query = parseUrlState(groupListView, searchOf(await searchParams));
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: groupListOptions(clusterId, query).queryKey,
      schema: GroupListSchema,
      load: (cluster) => listGroups(cluster, query),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<GroupsLoading />}>
      <GroupsView />
    </Prefetched>
  );
}
