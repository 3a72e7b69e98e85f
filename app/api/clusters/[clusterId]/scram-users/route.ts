// GET /api/clusters/:clusterId/scram-users — SCRAM users with mechanisms and iterations
// POST /api/clusters/:clusterId/scram-users — create a user's credential or change its password
import { ScramUpsertSchema } from '@/lib/schemas/cluster-admin';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { listScramUsers, upsertScramUser } from '@/server/services/cluster-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/scram-users'>(async ({ cluster }) =>
  listScramUsers(cluster),
);

export const POST = mutation<'/api/clusters/[clusterId]/scram-users'>(
  'scram.user.alter',
  async ({ cluster, body, recordChange }) => {
    const input = await body(ScramUpsertSchema);
    const result = await upsertScramUser(cluster, input);
    // Mechanisms and iterations only: the password is in no audit line.
    recordChange({
      before: { user: input.user, credentials: result.before },
      after: { user: input.user, credentials: result.after },
    });
    return result;
  },
);
