// GET /api/clusters/:clusterId/groups — one page of consumer groups with lag (search, sort, ?topic= filter)
import { GroupListQuerySchema } from '@/lib/schemas/group';
import { withCluster } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { listGroups } from '@/server/services/groups';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/groups'>(async ({ cluster, query }) =>
  listGroups(cluster, parseQuery(query, GroupListQuerySchema)),
);
