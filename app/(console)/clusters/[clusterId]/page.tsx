import { ClusterOverview, ClusterOverviewLoading } from '@/components/brokers/cluster-overview';
import { Prefetched } from '@/components/layout/prefetched';
import { brokersOptions, overviewOptions } from '@/lib/query/clusters';
import { BrokerListSchema } from '@/lib/schemas/broker';
import { ClusterOverviewSchema } from '@/lib/schemas/overview';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listBrokers } from '@/server/services/brokers';
import { getOverview } from '@/server/services/overview';

interface Props {
  params: Promise<{ clusterId: string }>;
}

/** The overview and the broker list come with the HTML; both then poll from the browser. */
export default async function ClusterOverviewPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: overviewOptions(clusterId).queryKey,
      schema: ClusterOverviewSchema,
      load: (cluster) => getOverview(cluster),
    },
    {
      queryKey: brokersOptions(clusterId).queryKey,
      schema: BrokerListSchema,
      load: (cluster) => listBrokers(cluster),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<ClusterOverviewLoading />}>
      <ClusterOverview />
    </Prefetched>
  );
}
