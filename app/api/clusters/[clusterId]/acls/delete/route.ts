// POST /api/clusters/:clusterId/acls/delete — delete exact bindings, each answered on its own
import { AclBatchSchema } from '@/lib/schemas/acl';
import { mutation } from '@/server/http/mutation';
import { deleteAcls } from '@/server/services/acls';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/acls/delete'>(
  'acl.delete',
  async ({ cluster, body }) => deleteAcls(cluster, (await body(AclBatchSchema)).bindings),
);
