'use client';

import { useParams } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { BrokerTable, BrokerTableSkeleton } from '@/components/brokers/broker-table';
import { ClusterStats, ClusterStatsSkeleton } from '@/components/brokers/cluster-stats';
import { brokerRefreshMs, useBrokerList } from '@/components/brokers/use-broker-list';
import { QueryView } from '@/components/ui/query-view';
import { plural } from '@/lib/format/text';

const retryHint =
  'Kafkascope keeps trying in the background; this view recovers by itself once the cluster answers.';

export default function ClusterOverviewPage() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const query = useBrokerList(clusterId);

  return (
    <div data-testid="cluster-overview" className="space-y-5">
      <PageHeader
        title="Overview"
        description="Brokers, controller and identity of this cluster."
        actions={<RefreshStatus query={query} intervalMs={brokerRefreshMs(clusterId)} />}
      />
      <QueryView
        query={query}
        errorHint={retryHint}
        loading={
          <>
            <ClusterStatsSkeleton />
            <BrokerTableSkeleton />
          </>
        }
      >
        {(data) => (
          <>
            <ClusterStats data={data} />
            <section aria-labelledby="overview-brokers" className="space-y-2">
              <h2 id="overview-brokers" className="flex items-baseline gap-2 font-semibold">
                Brokers
                <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
                  {plural(data.brokers.length, 'broker')} online
                </span>
              </h2>
              <BrokerTable brokers={data.brokers} />
            </section>
          </>
        )}
      </QueryView>
    </div>
  );
}
