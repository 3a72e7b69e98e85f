// POST /api/clusters/:clusterId/schema-registry/subjects/:subject/versions — register a schema: {schemaType, schema, references}
import { SchemaDraftSchema } from '@/lib/schemas/schema-registry';
import { mutation } from '@/server/http/mutation';
import { subjectParam } from '@/server/services/schema-registry';
import { registerSchema } from '@/server/services/schema-registry-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions'>(
  'schema.register',
  async ({ cluster, params, body }) => {
    const subject = subjectParam(params.subject);
    return registerSchema(cluster, subject, await body(SchemaDraftSchema));
  },
);
