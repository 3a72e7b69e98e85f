// GET /api/clusters/:clusterId/schema-registry/subjects/:subject — versions (soft-deleted marked) and compatibility
// DELETE /api/clusters/:clusterId/schema-registry/subjects/:subject — soft delete; ?permanent=true after that
import { DeleteQuerySchema } from '@/lib/schemas/schema-registry';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { parseQuery } from '@/server/http/parse';
import { getSubject, subjectParam } from '@/server/services/schema-registry';
import { deleteSubject } from '@/server/services/schema-registry-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]'>(
  async ({ cluster, params }) => getSubject(cluster, subjectParam(params.subject)),
);

export const DELETE = mutation<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]'>(
  'schema.subject.delete',
  async ({ cluster, params, query }) =>
    deleteSubject(
      cluster,
      subjectParam(params.subject),
      parseQuery(query, DeleteQuerySchema).permanent === 'true',
    ),
);
