import { BrokerDefaultsLoading, BrokerDefaultsView } from '@/components/cluster-admin/broker-defaults-view';
import { Prefetched } from '@/components/layout/prefetched';
import { brokerConfigsFullOptions } from '@/lib/query/cluster-admin';
import { BrokerConfigListSchema } from '@/lib/schemas/cluster-admin';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getBrokerConfigsFull } from '@/server/services/cluster-admin';

interface Props {
  params: Promise<{ clusterId: string }>;
}

/** The cluster-wide dynamic broker defaults, with a live broker's configs as reference, come with the HTML. */
export default async function BrokerDefaultsPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: brokerConfigsFullOptions(clusterId, 'default').queryKey,
      schema: BrokerConfigListSchema,
      load: (cluster) => getBrokerConfigsFull(cluster, 'default'),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<BrokerDefaultsLoading />}>
      <BrokerDefaultsView />
    </Prefetched>
  );
}
