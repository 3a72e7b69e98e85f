// GET /api/clusters/:clusterId/connect/:connect/plugins — the worker's plugins, version and commit
import { withCluster } from '@/server/http/handler';
import { listPlugins } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/connect/[connect]/plugins'>(
  async ({ cluster, params }) => listPlugins(cluster, params.connect),
);
