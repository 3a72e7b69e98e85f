// POST /api/clusters/:clusterId/acls/delete — delete exact bindings, each answered on its own
import { AclBatchSchema } from '@/lib/schemas/acl';
import { mutation } from '@/server/http/mutation';
import { auditBatch, deleteAcls } from '@/server/services/acls';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/acls/delete'>(
  'acl.delete',
  async ({ cluster, body, recordBatch }) => {
    const result = await deleteAcls(cluster, (await body(AclBatchSchema)).bindings);
    // The audit line names the bindings Kafka deleted and those it refused (result ok, partial or refused).
    recordBatch(auditBatch(result));
    return result;
  },
);
