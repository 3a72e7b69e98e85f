// GET /api/clusters/:clusterId/acls — ACL bindings matching the filters (DescribeAcls)
// POST /api/clusters/:clusterId/acls — create bindings, each answered on its own
import { AclBatchSchema, AclFilterSchema } from '@/lib/schemas/acl';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { parseQuery } from '@/server/http/parse';
import { auditBatch, createAcls, listAcls } from '@/server/services/acls';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/acls'>(async ({ cluster, query }) =>
  listAcls(cluster, parseQuery(query, AclFilterSchema)),
);

export const POST = mutation<'/api/clusters/[clusterId]/acls'>(
  'acl.create',
  async ({ cluster, body, recordBatch }) => {
    const result = await createAcls(cluster, (await body(AclBatchSchema)).bindings);
    // The audit line names the bindings Kafka created and those it refused (result ok, partial or refused).
    recordBatch(auditBatch(result));
    return result;
  },
);
