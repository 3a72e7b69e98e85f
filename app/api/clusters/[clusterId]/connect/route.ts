// GET /api/clusters/:clusterId/connect — every connector of every Connect cluster, and each cluster's state
import { withCluster } from '@/server/http/handler';
import { listConnectors } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/connect'>(async ({ cluster }) =>
  listConnectors(cluster),
);
