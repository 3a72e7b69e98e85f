'use client';

import { useParams } from 'next/navigation';
import { BrokerConfigEditor } from '@/components/cluster-admin/broker-config-editor';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/lib/paths';

/** The cluster-wide dynamic broker defaults (kafka-configs --entity-type brokers --entity-default). */
export default function BrokerDefaultsPage() {
  const { clusterId } = useParams<{ clusterId: string }>();
  return (
    <div className="space-y-4">
      <PageHeader
        title="Cluster-wide broker defaults"
        back={{ href: paths.brokers(clusterId), label: 'Brokers' }}
        description="Dynamic configs every broker takes unless it sets its own; they override server.properties."
      />
      <BrokerConfigEditor clusterId={clusterId} scope="default" />
    </div>
  );
}
