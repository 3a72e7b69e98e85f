// GET /api/clusters/:clusterId/schema-registry/config — the registry's global compatibility level
// PUT /api/clusters/:clusterId/schema-registry/config — change it: {"level": "BACKWARD"}
import { CompatibilityChangeSchema } from '@/lib/schemas/schema-registry';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { getGlobalCompatibility } from '@/server/services/schema-registry';
import { setGlobalCompatibility } from '@/server/services/schema-registry-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/schema-registry/config'>(async ({ cluster }) =>
  getGlobalCompatibility(cluster),
);

export const PUT = mutation<'/api/clusters/[clusterId]/schema-registry/config'>(
  'schema.compatibility.alter',
  async ({ cluster, body }) => setGlobalCompatibility(cluster, (await body(CompatibilityChangeSchema)).level),
);
