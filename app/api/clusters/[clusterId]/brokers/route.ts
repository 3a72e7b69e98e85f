// GET /api/clusters/:clusterId/brokers — brokers, with the active controller marked
import { withCluster } from '@/server/http/handler';
import { listBrokers } from '@/server/services/brokers';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/brokers'>(async ({ cluster }) =>
  listBrokers(cluster),
);
