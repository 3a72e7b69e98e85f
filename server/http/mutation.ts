import 'server-only';
import type { Action } from '@/lib/schemas/auth';
import { audit } from '@/server/audit';
import { checkRole, checkSameOrigin, requireSession } from '@/server/auth/guard';
import type { Session } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import type { AuditContext } from '@/server/http/audit-context';
import { withCluster, type ClusterArgs, type ClusterPath } from '@/server/http/handler';

type MutationArgs<Path extends ClusterPath> = ClusterArgs<Path> & { session: Session };

function nameOf(body: unknown): string | undefined {
  const name = (body as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name.slice(0, 249) : undefined;
}

/** The topic an audit line names: the path's, or for a new topic the name in the body the route read. */
function topicOf(action: Action, context: AuditContext): string | undefined {
  return context.topic ?? (action === 'topic.create' ? nameOf(context.body) : undefined);
}

/**
 * The only way to export a POST/PUT/PATCH/DELETE route (a unit test walks app/api to make sure):
 * same-origin check, the role the action needs, the cluster's read-only flag, and one audit line
 * whatever the outcome, 401s included.
 */
export function mutation<Path extends ClusterPath = '/api/clusters/[clusterId]'>(
  action: Action,
  fn: (args: MutationArgs<Path>) => Promise<unknown>,
) {
  return withCluster<Path>(
    async (args) => {
      checkSameOrigin(args.request);
      // handler() authenticated already; a null session here would be a public path, which mutations never are.
      const session = requireSession(args.session);
      checkRole(session, action);
      if (args.cluster.readOnly)
        throw new AppError(
          'read_only',
          `Cluster "${args.cluster.name}" is read-only: ${action} is refused for everyone`,
        );
      return fn({ ...args, session });
    },
    {
      onAnswer: (context, { result, status, durationMs }) =>
        audit({
          user: context.user,
          role: context.role,
          via: context.via,
          action,
          cluster: context.cluster,
          topic: topicOf(action, context),
          group: context.group,
          subject: context.subject,
          version: context.version,
          permanent: context.permanent,
          result,
          status,
          durationMs,
          ip: context.ip,
        }),
    },
  );
}
