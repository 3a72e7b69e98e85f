// PATCH /api/clusters/:clusterId/connect/:connect/connectors/:connector/offsets — alter (connector STOPPED;
// `dryRun: true` previews each partition's offset before → after)
// DELETE — reset (connector STOPPED)
import { AlterOffsetsSchema } from '@/lib/schemas/connect';
import { mutation } from '@/server/http/mutation';
import { alterOffsets, connectorOffsetsShown, resetOffsets } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PATCH = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/offsets'>(
  'connect.offsets.alter',
  async ({ cluster, params, body, recordChange }) => {
    const result = await alterOffsets(
      cluster,
      params.connect,
      params.connector,
      await body(AlterOffsetsSchema),
    );
    // Secrets in the maps are hidden in the answer, so in the audit line too.
    if (result.applied)
      recordChange({
        before: result.changes.map((c) => ({ partition: c.partition, offset: c.before })),
        after: result.changes.map((c) => ({ partition: c.partition, offset: c.after })),
      });
    return result;
  },
);

export const DELETE = mutation<'/api/clusters/[clusterId]/connect/[connect]/connectors/[connector]/offsets'>(
  'connect.offsets.reset',
  async ({ cluster, params, recordChange }) => {
    const before = await connectorOffsetsShown(cluster, params.connect, params.connector);
    const result = await resetOffsets(cluster, params.connect, params.connector);
    recordChange({ before, after: await connectorOffsetsShown(cluster, params.connect, params.connector) });
    return result;
  },
);
