// GET /api/clusters/:clusterId/transactions — one page of transactional ids with state, producer, timeout and partitions (?state=, ?q=, ?page=, ?pageSize=); only the page is described
import { TransactionListQuerySchema } from '@/lib/schemas/transaction';
import { withCluster } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { listTransactions } from '@/server/services/transactions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/transactions'>(async ({ cluster, query }) =>
  listTransactions(cluster, parseQuery(query, TransactionListQuerySchema)),
);
