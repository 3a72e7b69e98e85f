// POST /api/clusters/:clusterId/reassignments/throttles — preview (dryRun) or remove throttles left behind:
//   the brokers' rates while nothing is reassigned, the throttled-replica lists of topics that do not move
// DELETE /api/clusters/:clusterId/reassignments/throttles — remove all of them at once
import { ClearThrottlesSchema } from '@/lib/schemas/reassignment';
import { mutation } from '@/server/http/mutation';
import { clearStaleThrottles } from '@/server/services/reassignments';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/reassignments/throttles'>(
  'partition.reassign.cancel',
  async ({ cluster, body, recordChange }) => {
    const { change, ...result } = await clearStaleThrottles(cluster, await body(ClearThrottlesSchema));
    if (!result.dryRun) recordChange(change);
    return result;
  },
);

export const DELETE = mutation<'/api/clusters/[clusterId]/reassignments/throttles'>(
  'partition.reassign.cancel',
  async ({ cluster, recordChange }) => {
    const { change } = await clearStaleThrottles(cluster);
    recordChange(change);
    return { ok: true };
  },
);
