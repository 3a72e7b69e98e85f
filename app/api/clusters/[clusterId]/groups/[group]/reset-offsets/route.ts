// POST /api/clusters/:clusterId/groups/:group/reset-offsets — preview (dryRun) or apply new committed offsets
import { ResetOffsetsSchema } from '@/lib/schemas/group';
import { mutation } from '@/server/http/mutation';
import { resetOffsets } from '@/server/services/group-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/groups/[group]/reset-offsets'>(
  'group.offsets.reset',
  async ({ cluster, params, body }) => resetOffsets(cluster, params.group, await body(ResetOffsetsSchema)),
);
