// GET /api/clusters/:clusterId/lag-history?series=::group&series=topic::group&from=&to=&points= — lag series from the store
import { LagHistoryQuerySchema } from '@/lib/schemas/lag-history';
import { withCluster } from '@/server/http/handler';
import { validated } from '@/server/http/parse';
import { getLagSeries } from '@/server/services/lag-charts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/lag-history'>(async ({ cluster, query }) =>
  getLagSeries(
    cluster,
    validated(LagHistoryQuerySchema, { ...Object.fromEntries(query), series: query.getAll('series') }),
  ),
);
