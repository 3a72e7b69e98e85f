// DELETE /api/clusters/:clusterId/reassignments/throttles — remove throttle rates left while nothing is reassigned
import { mutation } from '@/server/http/mutation';
import { clearStaleThrottles } from '@/server/services/reassignments';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = mutation<'/api/clusters/[clusterId]/reassignments/throttles'>(
  'partition.reassign.cancel',
  async ({ cluster, recordChange }) => {
    const { change } = await clearStaleThrottles(cluster);
    recordChange(change);
    return { ok: true };
  },
);
