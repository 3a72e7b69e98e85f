// GET /api/clusters/:clusterId/schema-registry/subjects/:subject/versions/:version — the schema (or `latest`), references, referenced by
// DELETE …/versions/:version — soft delete; ?permanent=true after that
import { DeleteQuerySchema } from '@/lib/schemas/schema-registry';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { parseQuery } from '@/server/http/parse';
import {
  getSchemaVersion,
  subjectParam,
  versionOrLatest,
  versionParam,
} from '@/server/services/schema-registry';
import { deleteSchemaVersion } from '@/server/services/schema-registry-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET =
  withCluster<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions/[version]'>(
    async ({ cluster, params }) =>
      getSchemaVersion(cluster, subjectParam(params.subject), versionOrLatest(params.version)),
  );

export const DELETE =
  mutation<'/api/clusters/[clusterId]/schema-registry/subjects/[subject]/versions/[version]'>(
    'schema.version.delete',
    async ({ cluster, params, query }) => {
      const subject = subjectParam(params.subject);
      const permanent = parseQuery(query, DeleteQuerySchema).permanent === 'true';
      return deleteSchemaVersion(cluster, subject, versionParam(params.version), permanent);
    },
  );
