'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { CreateTopicDialog } from '@/components/topics/create-topic-dialog';
import { TopicListToolbar } from '@/components/topics/topic-list-toolbar';
import { TopicTable, TopicTableSkeleton } from '@/components/topics/topic-table';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { IconPlus, IconTopics } from '@/components/ui/icons';
import { PagedList } from '@/components/ui/paged-list';
import { QueryView } from '@/components/ui/query-view';
import { useUrlList } from '@/components/ui/use-url-state';
import { paths } from '@/lib/paths';
import { topicListOptions } from '@/lib/query/topics';
import type { TopicSortKey } from '@/lib/schemas/topic';
import { usePermission } from '@/lib/query/auth';
import { topicListView } from '@/lib/url-state/lists';

const description = 'Topics of this cluster, with their partitions and size.';

export function TopicsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { query, set } = useUrlList(topicListView, (next) => paths.topics(clusterId, next));
  const list = useQuery(topicListOptions(clusterId, query));
  const [creating, setCreating] = useState(false);

  const onSort = (key: TopicSortKey) =>
    set({ sort: key, dir: query.sort === key && query.dir === 'asc' ? 'desc' : 'asc', page: 1 });

  const createPermission = usePermission(clusterId, 'topic.create');
  const createButton = (
    <Button
      variant="primary"
      onClick={() => setCreating(true)}
      disabled={!createPermission.allowed}
      title={createPermission.reason ?? undefined}
      data-testid="create-topic-button"
    >
      <IconPlus className="size-4" />
      Create topic
    </Button>
  );

  return (
    <div data-testid="topics-page" className="space-y-4">
      <PageHeader title="Topics" description={description} actions={createButton} />
      <TopicListToolbar
        query={query}
        total={list.data?.total}
        fetching={list.isFetching && list.isPlaceholderData}
        onSearch={(q) => set({ q, page: 1 }, 'replace')}
        onInternal={(show) => set({ internal: show ? 'show' : 'hide', page: 1 })}
      />
      <QueryView query={list} loading={<TopicTableSkeleton />}>
        {(data) => (
          <>
            {data.unavailableBrokers.length > 0 && (
              <Alert>
                Broker{data.unavailableBrokers.length > 1 ? 's' : ''} {data.unavailableBrokers.join(', ')} did
                not answer: message counts and sizes of their partitions are missing.
              </Alert>
            )}
            <PagedList
              count={data.items.length}
              total={data.total}
              page={query.page}
              pageSize={query.pageSize}
              noun="topics"
              onPage={(page) => set({ page })}
              onPageSize={(pageSize) => set({ pageSize, page: 1 })}
              icon={<IconTopics className="size-8" />}
              emptyTitle={query.q ? 'No matching topics' : 'No topics yet'}
              emptyText={
                query.q
                  ? `No topic name contains “${query.q}”${query.internal === 'hide' ? ' (internal topics are hidden)' : ''}.`
                  : 'Create the first topic of this cluster.'
              }
              emptyAction={query.q ? undefined : createButton}
              data-testid="topics-empty"
            >
              <TopicTable
                clusterId={clusterId}
                topics={data.items}
                query={query}
                onSort={onSort}
                stale={list.isPlaceholderData}
              />
            </PagedList>
          </>
        )}
      </QueryView>
      <CreateTopicDialog clusterId={clusterId} open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** The page while the server reads its first page of topics: the Suspense fallback of the route. */
export function TopicsLoading() {
  return (
    <div className="space-y-4">
      <PageHeader title="Topics" description={description} />
      <TopicTableSkeleton />
    </div>
  );
}
