// GET /api/clusters/:clusterId/brokers/:brokerId — one broker with its log directories
import { withCluster } from '@/server/http/handler';
import { parseIntParam } from '@/server/http/parse';
import { getBroker } from '@/server/services/brokers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/brokers/[brokerId]'>(async ({ cluster, params }) =>
  getBroker(cluster, parseIntParam(params.brokerId, 'brokerId')),
);
