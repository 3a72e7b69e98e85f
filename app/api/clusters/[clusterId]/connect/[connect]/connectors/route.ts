// POST /api/clusters/:clusterId/connect/:connect/connectors — create a connector (validated by the worker first)
import { CreateConnectorSchema } from '@/lib/schemas/connect';
import { mutation } from '@/server/http/mutation';
import { createConnector } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors'>(
  'connect.connector.create',
  async ({ cluster, params, body }) => {
    // Read through `body`, so the audit line names the new connector (never its config).
    const input = await body(CreateConnectorSchema);
    return createConnector(cluster, params.connect, input.name, input.config);
  },
);
