'use client';

import { useParams } from 'next/navigation';
import { BrokerTable, BrokerTableSkeleton } from '@/components/brokers/broker-table';
import { QuorumPanel } from '@/components/brokers/quorum-panel';
import { brokerRefreshMs, useBrokerList } from '@/components/brokers/use-broker-list';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClass } from '@/components/ui/button';
import { paths } from '@/lib/paths';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { ElectLeadersButton } from '@/components/reassign/elect-leaders-dialog';
import { QueryView } from '@/components/ui/query-view';
import { plural } from '@/lib/format/text';

/** The broker list and the controller quorum of a cluster, polled. */
export function BrokersView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const query = useBrokerList(clusterId);
  const data = query.data;
  const online = data?.brokers.filter((b) => b.online).length ?? 0;

  return (
    <div data-testid="brokers-page" className="space-y-6">
      <PageHeader
        title="Brokers"
        description={
          data
            ? `${online} of ${plural(data.brokers.length, 'broker')} online · ${data.controllerMode === 'kraft' ? 'KRaft' : 'ZooKeeper'} mode`
            : 'The brokers of this cluster.'
        }
        actions={
          <>
            <Link
              href={paths.brokerDefaults(clusterId)}
              className={buttonClass()}
              data-testid="broker-defaults-link"
            >
              Cluster-wide defaults
            </Link>
            <RefreshStatus query={query} intervalMs={brokerRefreshMs(clusterId)} />
            <ElectLeadersButton clusterId={clusterId} scope={{ kind: 'cluster' }} />
          </>
        }
      />
      <QueryView
        query={query}
        errorHint="Kafkascope keeps trying in the background; this view recovers by itself once the cluster answers."
        loading={<BrokerTableSkeleton />}
      >
        {(list) => <BrokerTable clusterId={clusterId} brokers={list.brokers} />}
      </QueryView>
      <QuorumPanel clusterId={clusterId} brokers={data?.brokers} controllerId={data?.controllerId} />
    </div>
  );
}

/** What the page shows while its first data streams in. */
export function BrokersLoading() {
  return (
    <div data-testid="brokers-page" className="space-y-6">
      <PageHeader title="Brokers" description="The brokers of this cluster." />
      <BrokerTableSkeleton />
    </div>
  );
}
