import { Prefetched } from '@/components/layout/prefetched';
import { TopicLoading, TopicView } from '@/components/topics/topic-view';
import { decodeSegment } from '@/lib/format/text';
import { topicOptions } from '@/lib/query/topics';
import { TopicDetailSchema } from '@/lib/schemas/topic';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getTopic } from '@/server/services/topics';

interface Props {
  params: Promise<{ clusterId: string; topic: string }>;
}

/** The topic (partitions, offsets, sizes) comes with the HTML; its tabs read the rest from the browser. */
export default async function TopicPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId, topic } = await params;
  // The name as TopicView reads it from useParams().
  const name = decodeSegment(topic);
  const state = prefetchCluster(
    session,
    clusterId,
    [
      {
        queryKey: topicOptions(clusterId, name).queryKey,
        schema: TopicDetailSchema,
        load: (cluster) => getTopic(cluster, name),
      },
    ],
    { topic: name },
  );
  return (
    <Prefetched state={state} fallback={<TopicLoading clusterId={clusterId} name={name} />}>
      <TopicView />
    </Prefetched>
  );
}
