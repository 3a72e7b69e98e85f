// POST /api/clusters/:clusterId/groups/:group/reset-offsets — preview (dryRun) or apply new committed offsets
import { mutation } from '@/server/auth/mutation';
import { ResetOffsetsSchema } from '@/lib/schemas/group';
import { parseBody } from '@/server/http/parse';
import { resetOffsets } from '@/server/services/group-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation('group.offsets.reset', async ({ cluster, params, request }) =>
  resetOffsets(cluster, params.group!, await parseBody(request, ResetOffsetsSchema)),
);
