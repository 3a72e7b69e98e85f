'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { GroupListToolbar } from '@/components/groups/group-list-toolbar';
import { GroupTable, GroupTableSkeleton } from '@/components/groups/group-table';
import { buttonClass } from '@/components/ui/button';
import { IconChart, IconGroups } from '@/components/ui/icons';
import { IntentLink } from '@/components/ui/intent-link';
import { PagedList } from '@/components/ui/paged-list';
import { QueryView } from '@/components/ui/query-view';
import { useUrlList } from '@/components/ui/use-url-state';
import { paths } from '@/lib/paths';
import { groupListOptions } from '@/lib/query/groups';
import type { GroupListQuery } from '@/lib/schemas/group';
import { groupListView } from '@/lib/url-state/lists';

type SortKey = GroupListQuery['sort'];

/** Lag reads worst-first, so a lag column's first click sorts descending; names and states go A to Z. */
const firstDir = (key: SortKey): 'asc' | 'desc' => (key === 'totalLag' || key === 'maxLag' ? 'desc' : 'asc');

function noMatch({ q, topic }: GroupListQuery): string {
  if (q && topic) return `No group reading ${topic} has an id containing “${q}”.`;
  if (topic) return `No group has committed offsets for ${topic}.`;
  return `No group id contains “${q}”.`;
}

const description =
  'Groups with committed offsets on this cluster, their members and how far behind they are.';

export function GroupsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { query, set } = useUrlList(groupListView, (next) => paths.groups(clusterId, next));
  const list = useQuery(groupListOptions(clusterId, query));

  const onSort = (key: SortKey) =>
    set({
      sort: key,
      dir: query.sort === key ? (query.dir === 'asc' ? 'desc' : 'asc') : firstDir(key),
      page: 1,
    });

  return (
    <div data-testid="groups-page" className="space-y-4">
      <PageHeader
        title="Consumer groups"
        description={description}
        actions={
          <IntentLink href={paths.lag(clusterId)} className={buttonClass()} data-testid="compare-lag-link">
            <IconChart className="size-4" />
            Compare lag
          </IntentLink>
        }
      />
      <GroupListToolbar
        query={query}
        total={list.data?.total}
        fetching={list.isFetching && list.isPlaceholderData}
        onSearch={(q) => set({ q, page: 1 }, 'replace')}
        onClearTopic={() => set({ topic: undefined, page: 1 })}
      />
      <QueryView query={list} loading={<GroupTableSkeleton />}>
        {(data) => (
          <PagedList
            count={data.items.length}
            total={data.total}
            page={query.page}
            pageSize={query.pageSize}
            noun="groups"
            onPage={(page) => set({ page })}
            onPageSize={(pageSize) => set({ pageSize, page: 1 })}
            icon={<IconGroups className="size-8" />}
            emptyTitle={query.q || query.topic ? 'No matching groups' : 'No consumer groups yet'}
            emptyText={
              query.q || query.topic
                ? noMatch(query)
                : 'A group appears here once its consumers commit offsets.'
            }
            data-testid="groups-empty"
          >
            <GroupTable
              clusterId={clusterId}
              groups={data.items}
              query={query}
              onSort={onSort}
              stale={list.isPlaceholderData}
            />
          </PagedList>
        )}
      </QueryView>
    </div>
  );
}

/** The page while the server reads its first page of groups: the Suspense fallback of the route. */
export function GroupsLoading() {
  return (
    <div className="space-y-4">
      <PageHeader title="Consumer groups" description={description} />
      <GroupTableSkeleton />
    </div>
  );
}
