import { Prefetched } from '@/components/layout/prefetched';
import { ReassignmentsLoading, ReassignmentsView } from '@/components/reassign/reassignments-view';
import { brokersOptions } from '@/lib/query/clusters';
import { reassignmentsOptions } from '@/lib/query/reassignments';
import { BrokerListSchema } from '@/lib/schemas/broker';
import { ReassignmentsSchema } from '@/lib/schemas/reassignment';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listBrokers } from '@/server/services/brokers';
import { listReassignments } from '@/server/services/reassignments';

interface Props {
  params: Promise<{ clusterId: string }>;
}

/** The reassignments under way and the broker list (for the plan builder) come with the HTML. */
export default async function ReassignmentsPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: reassignmentsOptions(clusterId).queryKey,
      schema: ReassignmentsSchema,
      load: (c) => listReassignments(c),
    },
    { queryKey: brokersOptions(clusterId).queryKey, schema: BrokerListSchema, load: (c) => listBrokers(c) },
  ]);
  return (
    <Prefetched state={state} fallback={<ReassignmentsLoading />}>
      <ReassignmentsView />
    </Prefetched>
  );
}
