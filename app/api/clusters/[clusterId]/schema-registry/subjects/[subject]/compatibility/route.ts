// POST /api/clusters/:clusterId/schema-registry/subjects/:subject/compatibility — check a draft against the latest version
import { SchemaDraftSchema } from '@/lib/schemas/schema-registry';
import { mutation } from '@/server/http/mutation';
import { subjectParam } from '@/server/services/schema-registry';
import { checkCompatibility } from '@/server/services/schema-registry-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// A POST that changes nothing, but sends a draft to the registry: declared as an action like the others.
export const POST = mutation<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/compatibility'>(
  'schema.compatibility.check',
  async ({ cluster, params, body }) => {
    const subject = subjectParam(params.subject);
    return checkCompatibility(cluster, subject, await body(SchemaDraftSchema));
  },
);
