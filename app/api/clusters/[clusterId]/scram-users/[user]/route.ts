// DELETE /api/clusters/:clusterId/scram-users/:user — delete a user's SCRAM credentials (?mechanisms=SCRAM-SHA-256,…; all by default)
import { ScramDeleteSchema } from '@/lib/schemas/cluster-admin';
import { AppError } from '@/server/http/app-error';
import { mutation } from '@/server/http/mutation';
import { deleteScramUser } from '@/server/services/cluster-admin';

function parseMechanisms(query: URLSearchParams) {
  const raw = query.get('mechanisms');
  const parsed = ScramDeleteSchema.safeParse({ mechanisms: raw ? raw.split(',') : undefined });
  if (!parsed.success)
    throw new AppError('validation_failed', 'mechanisms: SCRAM-SHA-256 and/or SCRAM-SHA-512');
  return parsed.data;
}

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = mutation<'/api/clusters/[clusterId]/scram-users/[user]'>(
  'scram.user.delete',
  async ({ cluster, params, query, recordChange }) => {
    const result = await deleteScramUser(cluster, params.user, parseMechanisms(query));
    recordChange({
      before: { user: params.user, credentials: result.before },
      after: { user: params.user, credentials: result.after },
    });
    return result;
  },
);
