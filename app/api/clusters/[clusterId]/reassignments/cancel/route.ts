// POST /api/clusters/:clusterId/reassignments/cancel — cancel reassignments in progress (all or some partitions)
import { CancelReassignmentSchema } from '@/lib/schemas/reassignment';
import { mutation } from '@/server/http/mutation';
import { cancelReassignments } from '@/server/services/reassignments';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/reassignments/cancel'>(
  'partition.reassign.cancel',
  async ({ cluster, body, recordChange }) => {
    const { partitions, change } = await cancelReassignments(cluster, await body(CancelReassignmentSchema));
    recordChange(change);
    return { partitions };
  },
);
