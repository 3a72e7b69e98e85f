// GET /api/clusters/:clusterId/connect/:connect/plugins/:plugin/config — the plugin's config definition
import { withCluster } from '@/server/http/handler';
import { getPluginConfig } from '@/server/services/connect';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/connect/[connect]/plugins/[plugin]/config'>(
  async ({ cluster, params }) => getPluginConfig(cluster, params.connect, params.plugin),
);
