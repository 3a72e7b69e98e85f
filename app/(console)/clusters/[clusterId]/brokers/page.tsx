import { BrokersLoading, BrokersView } from '@/components/brokers/brokers-view';
import { Prefetched } from '@/components/layout/prefetched';
import { brokersOptions, quorumOptions } from '@/lib/query/clusters';
import { BrokerListSchema, QuorumSchema } from '@/lib/schemas/broker';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getQuorum, listBrokers } from '@/server/services/brokers';

interface Props {
  params: Promise<{ clusterId: string }>;
}

/** The broker list and the quorum come with the HTML; both then poll from the browser. */
export default async function BrokersPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = prefetchCluster(session, clusterId, [
    { queryKey: brokersOptions(clusterId).queryKey, schema: BrokerListSchema, load: (c) => listBrokers(c) },
    { queryKey: quorumOptions(clusterId).queryKey, schema: QuorumSchema, load: (c) => getQuorum(c) },
  ]);
  return (
    <Prefetched state={state} fallback={<BrokersLoading />}>
      <BrokersView />
    </Prefetched>
  );
}
