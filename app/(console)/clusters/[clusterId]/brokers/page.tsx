'use client';

import { useParams } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { BrokerTable, BrokerTableSkeleton } from '@/components/brokers/broker-table';
import { brokerRefreshMs, useBrokerList } from '@/components/brokers/use-broker-list';
import { QueryView } from '@/components/ui/query-view';
import { plural } from '@/lib/format/text';

export default function BrokersPage() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const query = useBrokerList(clusterId);
  const mode = query.data?.controllerMode;

  return (
    <div data-testid="brokers-page" className="space-y-5">
      <PageHeader
        title="Brokers"
        description={
          query.data
            ? `${plural(query.data.brokers.length, 'broker')} online · ${mode === 'kraft' ? 'KRaft' : 'ZooKeeper'} mode`
            : 'The live brokers of this cluster.'
        }
        actions={<RefreshStatus query={query} intervalMs={brokerRefreshMs(clusterId)} />}
      />
      <QueryView
        query={query}
        errorHint="Kafkascope keeps trying in the background; this view recovers by itself once the cluster answers."
        loading={<BrokerTableSkeleton />}
      >
        {(data) => <BrokerTable brokers={data.brokers} />}
      </QueryView>
    </div>
  );
}
