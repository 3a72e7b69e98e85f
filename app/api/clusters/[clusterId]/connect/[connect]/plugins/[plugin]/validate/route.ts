// POST /api/clusters/:clusterId/connect/:connect/plugins/:plugin/validate — the worker's validation of a config (changes nothing)
import { UpdateConnectorSchema } from '@/lib/schemas/connect';
import { mutation } from '@/server/http/mutation';
import { parseBody } from '@/server/http/parse';
import { validateConnectorConfig } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/connect/[connect]/plugins/[plugin]/validate'>(
  'connect.connector.validate',
  async ({ cluster, params, request }) =>
    validateConnectorConfig(
      cluster,
      params.connect,
      params.plugin,
      (await parseBody(request, UpdateConnectorSchema)).config,
    ),
);
