// GET /api/clusters/:clusterId/brokers/:brokerId/configs — broker configuration, sensitive values masked
import { withCluster } from '@/server/http/handler';
import { parseIntParam } from '@/server/http/parse';
import { getBrokerConfigs } from '@/server/services/brokers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/brokers/[brokerId]/configs'>(
  async ({ cluster, params }) => getBrokerConfigs(cluster, parseIntParam(params.brokerId, 'brokerId')),
);
