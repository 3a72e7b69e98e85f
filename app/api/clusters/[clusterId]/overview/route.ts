// GET /api/clusters/:clusterId/overview — health at a glance: brokers, controller, partition problems
import { withCluster } from '@/server/http/handler';
import { getOverview } from '@/server/services/overview';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/overview'>(async ({ cluster }) =>
  getOverview(cluster),
);
