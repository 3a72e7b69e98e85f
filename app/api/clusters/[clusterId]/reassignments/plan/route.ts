// POST /api/clusters/:clusterId/reassignments/plan — preview a plan (moves, bytes, balance); changes nothing
import { PlanGoalSchema } from '@/lib/schemas/reassignment';
import { mutation } from '@/server/http/mutation';
import { previewPlan } from '@/server/services/reassignments';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/reassignments/plan'>(
  'partition.reassign.plan',
  async ({ cluster, body }) => previewPlan(cluster, await body(PlanGoalSchema)),
);
