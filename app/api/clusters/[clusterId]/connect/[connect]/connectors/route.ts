// POST /api/clusters/:clusterId/connect/:connect/connectors — create a connector (validated by the worker first)
import { CreateConnectorSchema } from '@/lib/schemas/connect';
import { mutation } from '@/server/http/mutation';
import { parseBody } from '@/server/http/parse';
import { createConnector } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors'>(
  'connect.connector.create',
  async ({ cluster, params, request }) => {
    const body = await parseBody(request, CreateConnectorSchema);
    return createConnector(cluster, params.connect, body.name, body.config);
  },
);
