// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/stop
import { mutation } from '@/server/http/mutation';
import { connectorAction } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/stop'>(
  'connect.connector.stop',
  async ({ cluster, params }) => connectorAction(cluster, params.connect, params.connector, 'stop'),
);
