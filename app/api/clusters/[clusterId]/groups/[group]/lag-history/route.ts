// GET /api/clusters/:clusterId/groups/:group/lag-history — sampled total lag and offset sums over time
import { withCluster } from '@/server/http/handler';
import { getLagHistory } from '@/server/services/groups';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/groups/[group]/lag-history'>(
  async ({ cluster, params }) => getLagHistory(cluster, params.group),
);
