// GET /api/clusters/:clusterId/connect/:connect/connectors/:connector — config, tasks, topics, offsets
// PUT — replace the config (validated by the worker first); DELETE — delete the connector
import { UpdateConnectorSchema } from '@/lib/schemas/connect';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { parseBody } from '@/server/http/parse';
import {
  auditedConnectorChange,
  deleteConnector,
  getConnector,
  updateConnector,
} from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Path = '/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]';

export const GET = withCluster<Path>(async ({ cluster, params }) =>
  getConnector(cluster, params.connect, params.connector),
);

export const PUT = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]'>(
  'connect.connector.update',
  async ({ cluster, params, request, recordChange }) => {
    const result = await updateConnector(
      cluster,
      params.connect,
      params.connector,
      (await parseBody(request, UpdateConnectorSchema)).config,
    );
    // Both with secrets hidden (lib/connect/secrets.ts).
    recordChange({ before: result.before, after: result.after });
    return result;
  },
);

export const DELETE = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]'>(
  'connect.connector.delete',
  async ({ cluster, params, recordChange }) =>
    auditedConnectorChange(cluster, params.connect, params.connector, recordChange, () =>
      deleteConnector(cluster, params.connect, params.connector),
    ),
);
