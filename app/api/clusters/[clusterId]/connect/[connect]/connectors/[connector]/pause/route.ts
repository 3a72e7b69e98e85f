// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/pause (audited with state before → after)
import { mutation } from '@/server/http/mutation';
import { auditedConnectorChange, connectorAction } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/pause'>(
  'connect.connector.pause',
  async ({ cluster, params, recordChange }) =>
    auditedConnectorChange(cluster, params.connect, params.connector, recordChange, () =>
      connectorAction(cluster, params.connect, params.connector, 'pause'),
    ),
);
