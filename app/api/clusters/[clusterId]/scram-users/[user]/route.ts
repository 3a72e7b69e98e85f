// DELETE /api/clusters/:clusterId/scram-users/:user — delete a user's SCRAM credentials (?mechanisms=SCRAM-SHA-256,…; all by default)
import { ScramDeleteSchema, ScramUserNameSchema } from '@/lib/schemas/cluster-admin';
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

/** The `[user]` segment by the schema a new user's name passes; a name it would change (spaces around it) is refused too. */
function parseUser(raw: string): string {
  const parsed = ScramUserNameSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      `Invalid user name: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  if (parsed.data !== raw)
    throw new AppError('validation_failed', 'Invalid user name: no spaces before or after it');
  return parsed.data;
}

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = mutation<'/api/clusters/[clusterId]/scram-users/[user]'>(
  'scram.user.delete',
  async ({ cluster, params, query, recordChange }) => {
    const user = parseUser(params.user);
    const result = await deleteScramUser(cluster, user, parseMechanisms(query));
    recordChange({
      before: { user, credentials: result.before },
      after: { user, credentials: result.after },
    });
    return result;
  },
);
