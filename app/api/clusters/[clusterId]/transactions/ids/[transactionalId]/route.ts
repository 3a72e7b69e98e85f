// GET /api/clusters/:clusterId/transactions/ids/:transactionalId — one transactional id as its coordinator describes it
import { withCluster } from '@/server/http/handler';
import { transactionDetail } from '@/server/services/transactions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/transactions/ids/[transactionalId]'>(
  async ({ cluster, params }) => transactionDetail(cluster, params.transactionalId),
);
