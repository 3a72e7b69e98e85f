// POST /api/clusters/:clusterId/connect/:connect/connectors/:connector/resume
import { mutation } from '@/server/http/mutation';
import { connectorAction } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/resume'>(
  'connect.connector.resume',
  async ({ cluster, params }) => connectorAction(cluster, params.connect, params.connector, 'resume'),
);
