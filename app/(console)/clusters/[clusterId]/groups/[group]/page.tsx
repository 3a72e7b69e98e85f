import { GroupLoading, GroupView } from '@/components/groups/group-view';
import { Prefetched } from '@/components/layout/prefetched';
import { decodeSegment } from '@/lib/format/text';
import { groupOptions } from '@/lib/query/groups';
import { GroupDetailSchema } from '@/lib/schemas/group';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getGroup } from '@/server/services/groups';

interface Props {
  params: Promise<{ clusterId: string; group: string }>;
}

/** The group (members, offsets, lag) comes with the HTML; its lag chart reads its history from the browser. */
export default async function GroupPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId, group } = await params;
  // The id as GroupView reads it from useParams().
  const name = decodeSegment(group);
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: groupOptions(clusterId, name).queryKey,
      schema: GroupDetailSchema,
      load: (cluster) => getGroup(cluster, name),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<GroupLoading clusterId={clusterId} name={name} />}>
      <GroupView />
    </Prefetched>
  );
}
