// GET /api/clusters/:clusterId/reassignments — reassignments in progress with copied bytes (settles finished throttles)
// POST /api/clusters/:clusterId/reassignments — apply a previewed plan's moves, optionally throttled
import { ApplyReassignmentSchema } from '@/lib/schemas/reassignment';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { applyReassignment, listReassignments } from '@/server/services/reassignments';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/reassignments'>(async ({ cluster }) =>
  listReassignments(cluster),
);

export const POST = mutation<'/api/clusters/[clusterId]/reassignments'>(
  'partition.reassign',
  async ({ cluster, body, recordChange }) => {
    const { partitions, change } = await applyReassignment(cluster, await body(ApplyReassignmentSchema));
    recordChange(change);
    return { partitions };
  },
);
