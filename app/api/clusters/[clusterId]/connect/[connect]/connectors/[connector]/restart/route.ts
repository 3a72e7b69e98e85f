// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/restart — the connector and its tasks;
// ?onlyFailed=true restarts only what failed
import { mutation } from '@/server/http/mutation';
import { connectorAction } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/restart'>(
  'connect.connector.restart',
  async ({ cluster, params, query }) =>
    connectorAction(
      cluster,
      params.connect,
      params.connector,
      query.get('onlyFailed') === 'true' ? 'restart-failed' : 'restart',
    ),
);
