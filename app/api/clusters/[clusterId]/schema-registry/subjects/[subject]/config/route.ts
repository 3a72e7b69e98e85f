// GET /api/clusters/:clusterId/schema-registry/subjects/:subject/config — the level in force, the subject's own or the global one
// PUT …/config — set the subject's own level: {"level": "FULL"}
// DELETE …/config — remove it: the subject inherits the global level again
import { CompatibilityChangeSchema } from '@/lib/schemas/schema-registry';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { getSubjectCompatibility, subjectParam } from '@/server/services/schema-registry';
import { resetSubjectCompatibility, setSubjectCompatibility } from '@/server/services/schema-registry-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/config'>(
  async ({ cluster, params }) => getSubjectCompatibility(cluster, subjectParam(params.subject)),
);

export const PUT = mutation<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/config'>(
  'schema.compatibility.alter',
  async ({ cluster, params, body }) => {
    const subject = subjectParam(params.subject);
    return setSubjectCompatibility(cluster, subject, (await body(CompatibilityChangeSchema)).level);
  },
);

export const DELETE = mutation<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/config'>(
  'schema.compatibility.alter',
  async ({ cluster, params }) => resetSubjectCompatibility(cluster, subjectParam(params.subject)),
);
