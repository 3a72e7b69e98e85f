// GET /api/clusters/:clusterId/schema-registry/subject-list — a page of subjects with type, latest version and compatibility
import { SubjectListQuerySchema } from '@/lib/schemas/schema-registry';
import { withCluster } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { listSubjectPage } from '@/server/services/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/schema-registry/subject-list'>(
  async ({ cluster, query }) => listSubjectPage(cluster, parseQuery(query, SubjectListQuerySchema)),
);
