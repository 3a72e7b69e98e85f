// GET /api/clusters/:clusterId/transactions/hanging — open transactions no coordinator will end (?topic= or ?brokerId=, ?olderThanMs=)
import { HangingQuerySchema } from '@/lib/schemas/transaction';
import { withCluster } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { findHanging } from '@/server/services/transactions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/transactions/hanging'>(async ({ cluster, query }) =>
  findHanging(cluster, parseQuery(query, HangingQuerySchema)),
);
