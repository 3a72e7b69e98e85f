import { Prefetched } from '@/components/layout/prefetched';
import { ConnectorsLoading, ConnectorsView } from '@/components/connect/connectors-view';
import { connectorsOptions } from '@/lib/query/connect';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listConnectors } from '@/server/services/connect';
import { ConnectorListSchema } from '@/lib/schemas/connect';

interface Props {
  params: Promise<{ clusterId: string }>;
}

/** The connectors of every Connect cluster come with the HTML; the list then polls from the browser. */
export default async function ConnectPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: connectorsOptions(clusterId).queryKey,
      schema: ConnectorListSchema,
      load: (cluster) => listConnectors(cluster),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<ConnectorsLoading />}>
      <ConnectorsView />
    </Prefetched>
  );
}
