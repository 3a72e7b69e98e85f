'use client';

import { useParams } from 'next/navigation';
import { BrokerTable, BrokerTableSkeleton } from '@/components/brokers/broker-table';
import { ClusterHealth } from '@/components/brokers/cluster-health';
import { ClusterStats, ClusterStatsSkeleton } from '@/components/brokers/cluster-stats';
import { useBrokerList } from '@/components/brokers/use-broker-list';
import { ConnectFailures } from '@/components/connect/connect-failures';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { refreshMs, useClusterQuery } from '@/components/layout/use-cluster-query';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { plural } from '@/lib/format/text';
import { overviewOptions } from '@/lib/query/clusters';

const retryHint =
  'Kafkascope keeps trying in the background; this view recovers by itself once the cluster answers.';

const description = 'Health, brokers, controller, Kafka Connect failures and identity of this cluster.';

export function ClusterOverview() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const overview = useClusterQuery(overviewOptions(clusterId));
  const brokers = useBrokerList(clusterId);
  const online = brokers.data?.brokers.filter((b) => b.online).length;

  return (
    <div data-testid="cluster-overview" className="space-y-5">
      <PageHeader
        title="Overview"
        description={description}
        actions={<RefreshStatus query={overview} intervalMs={refreshMs(overviewOptions(clusterId))} />}
      />
      <QueryView
        query={overview}
        errorHint={retryHint}
        loading={
          <>
            <Skeleton className="h-14 w-full rounded-lg" />
            <ClusterStatsSkeleton />
          </>
        }
      >
        {(data) => (
          <>
            <ClusterHealth data={data} />
            <ConnectFailures clusterId={clusterId} health={data.connect} />
            <ClusterStats data={data} brokers={brokers.data?.brokers} />
          </>
        )}
      </QueryView>
      <section aria-labelledby="overview-brokers" className="space-y-2">
        <h2 id="overview-brokers" className="flex items-baseline gap-2 font-semibold">
          Brokers
          {brokers.data && online !== undefined && (
            <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
              {online} of {plural(brokers.data.brokers.length, 'broker')} online
            </span>
          )}
        </h2>
        <QueryView query={brokers} errorHint={retryHint} loading={<BrokerTableSkeleton />}>
          {(data) => <BrokerTable clusterId={clusterId} brokers={data.brokers} />}
        </QueryView>
      </section>
    </div>
  );
}

/** The page while the server reads the cluster: the Suspense fallback of the route. */
export function ClusterOverviewLoading() {
  return (
    <div className="space-y-5">
      <PageHeader title="Overview" description={description} />
      <Skeleton className="h-14 w-full rounded-lg" />
      <ClusterStatsSkeleton />
      <BrokerTableSkeleton />
    </div>
  );
}
