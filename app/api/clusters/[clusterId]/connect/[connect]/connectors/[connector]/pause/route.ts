// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/pause
import { mutation } from '@/server/http/mutation';
import { connectorAction } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/pause'>(
  'connect.connector.pause',
  async ({ cluster, params }) => connectorAction(cluster, params.connect, params.connector, 'pause'),
);
