// GET /api/clusters/:clusterId/schema-registry/subjects — the subjects of the cluster's schema registry
import { withCluster } from '@/server/http/handler';
import { listSubjects } from '@/server/services/schema-registry';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/schema-registry/subjects'>(async ({ cluster }) =>
  listSubjects(cluster),
);
