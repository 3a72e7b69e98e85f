'use client';

import { useParams } from 'next/navigation';
import { BrokerConfigEditor } from '@/components/cluster-admin/broker-config-editor';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/lib/paths';

function Header({ clusterId }: { clusterId: string }) {
  return (
    <PageHeader
      title="Cluster-wide broker defaults"
      back={{ href: paths.brokers(clusterId), label: 'Brokers' }}
      description="Dynamic configs every broker takes unless it sets its own; they override server.properties."
    />
  );
}

/** The cluster-wide dynamic broker defaults (kafka-configs --entity-type brokers --entity-default). */
export function BrokerDefaultsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <div className="space-y-4">
      <Header clusterId={clusterId} />
      <BrokerConfigEditor clusterId={clusterId} scope="default" />
    </div>
  );
}

/** The page's shell while the defaults are read on the server. */
export function BrokerDefaultsLoading() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <div className="space-y-4">
      <Header clusterId={clusterId} />
    </div>
  );
}
