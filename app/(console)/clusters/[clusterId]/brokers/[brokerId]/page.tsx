import { BrokerLoading, BrokerPageView } from '@/components/brokers/broker-view';
import { Prefetched } from '@/components/layout/prefetched';
import { brokerConfigsFullOptions } from '@/lib/query/cluster-admin';
import { brokerOptions } from '@/lib/query/clusters';
import { BrokerDetailSchema } from '@/lib/schemas/broker';
import { BrokerConfigListSchema } from '@/lib/schemas/cluster-admin';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getBroker } from '@/server/services/brokers';
import { getBrokerConfigsFull } from '@/server/services/cluster-admin';

interface Props {
  params: Promise<{ clusterId: string; brokerId: string }>;
}

/** The broker (summary, log directories) and its configs come with the HTML; an id that is no number reads nothing. */
export default async function BrokerPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId, brokerId } = await params;
  const id = Number(brokerId);
  if (!/^\d+$/.test(brokerId) || !Number.isSafeInteger(id)) return <BrokerPageView />;
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: brokerOptions(clusterId, id).queryKey,
      schema: BrokerDetailSchema,
      load: (cluster) => getBroker(cluster, id),
    },
    {
      queryKey: brokerConfigsFullOptions(clusterId, String(id)).queryKey,
      schema: BrokerConfigListSchema,
      load: (cluster) => getBrokerConfigsFull(cluster, String(id)),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<BrokerLoading />}>
      <BrokerPageView />
    </Prefetched>
  );
}
