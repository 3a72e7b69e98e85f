import { Prefetched } from '@/components/layout/prefetched';
import { ConnectorLoading, ConnectorView } from '@/components/connect/connector-view';
import { decodeSegment } from '@/lib/format/text';
import { connectorOptions } from '@/lib/query/connect';
import { ConnectorDetailSchema } from '@/lib/schemas/connect';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { getConnector } from '@/server/services/connect';

interface Props {
  params: Promise<{ clusterId: string; connect: string; connector: string }>;
}

export default async function ConnectorPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId, connect: rawConnect, connector: rawName } = await params;
  const connect = decodeSegment(rawConnect);
  const name = decodeSegment(rawName);
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: connectorOptions(clusterId, connect, name).queryKey,
      schema: ConnectorDetailSchema,
      load: (cluster) => getConnector(cluster, connect, name),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<ConnectorLoading />}>
      <ConnectorView />
    </Prefetched>
  );
}
