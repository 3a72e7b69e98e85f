// POST /api/clusters/:clusterId/elections — preview (dryRun) or run a preferred or unclean leader election
import { ElectLeadersSchema } from '@/lib/schemas/reassignment';
import { mutation } from '@/server/http/mutation';
import { electLeaders } from '@/server/services/leader-election';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/elections'>(
  'leader.elect',
  async ({ cluster, body, recordChange }) => {
    const { change, ...result } = await electLeaders(cluster, await body(ElectLeadersSchema));
    if (change) recordChange(change);
    return result;
  },
);
