// PATCH /api/clusters/:clusterId/connect/:connect/connectors/:connector/offsets — alter (connector STOPPED)
// DELETE — reset (connector STOPPED)
import { AlterOffsetsSchema } from '@/lib/schemas/connect';
import { mutation } from '@/server/http/mutation';
import { parseBody } from '@/server/http/parse';
import { alterOffsets, resetOffsets } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PATCH = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/offsets'>(
  'connect.offsets.alter',
  async ({ cluster, params, request }) =>
    alterOffsets(
      cluster,
      params.connect,
      params.connector,
      (await parseBody(request, AlterOffsetsSchema)).offsets,
    ),
);

export const DELETE = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/offsets'>(
  'connect.offsets.reset',
  async ({ cluster, params }) => resetOffsets(cluster, params.connect, params.connector),
);
