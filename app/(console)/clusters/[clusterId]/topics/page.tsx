import { Prefetched } from '@/components/layout/prefetched';
import { TopicsLoading, TopicsView } from '@/components/topics/topics-view';
import { topicListOptions } from '@/lib/query/topics';
import { TopicListSchema } from '@/lib/schemas/topic';
import { parseUrlState, searchOf } from '@/lib/url-state/core';
import { topicListView } from '@/lib/url-state/lists';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listTopics } from '@/server/services/topics';

interface Props {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The first page of topics comes with the HTML; the list then polls from the browser. */
export default async function TopicsPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  // The address read as the list reads it in the browser (useUrlList), so that the keys are the same.
  const query = parseUrlState(topicListView, searchOf(await searchParams));
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: topicListOptions(clusterId, query).queryKey,
      schema: TopicListSchema,
      load: (cluster) => listTopics(cluster, query),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<TopicsLoading />}>
      <TopicsView />
    </Prefetched>
  );
}
