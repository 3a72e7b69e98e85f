import 'server-only';
import type { Action } from '@/lib/schemas/auth';
import { audit } from '@/server/audit';
import { checkRole, checkSameOrigin, requireSession } from '@/server/auth/guard';
import type { Session } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import type { AuditContext } from '@/server/http/audit-context';
import {
  handler,
  resolveCluster,
  type ClusterArgs,
  type ClusterPath,
  type HandlerArgs,
} from '@/server/http/handler';

/** A route under a cluster gets its cluster; a console-wide one (alerts) does not. */
type MutationArgs<Path extends string> = (Path extends ClusterPath
  ? ClusterArgs<Path>
  : HandlerArgs<Path>) & {
  session: Session;
};

function nameOf(body: unknown): string | undefined {
  const name = (body as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name.slice(0, 249) : undefined;
}

/** The topic an audit line names: the path's, or for a new topic the name in the body the route read. */
function topicOf(action: Action, context: AuditContext): string | undefined {
  return context.topic ?? (action === 'topic.create' ? nameOf(context.body) : undefined);
}

/** The alert rule, channel or silence an audit line names: the path's, or a new one's name (never its settings). */
function targetOf(action: Action, context: AuditContext): string | undefined {
  if (context.target) return context.target;
  if (action === 'alert.rule.create' || action === 'alert.channel.create') return nameOf(context.body);
  if (action === 'alert.silence.create') {
    const ruleId = (context.body as { ruleId?: unknown } | null)?.ruleId;
    return typeof ruleId === 'string' ? `rule ${ruleId.slice(0, 200)}` : undefined;
  }
  return undefined;
}

/**
 * The only way to export a POST/PUT/PATCH/DELETE route (a unit test walks app/api to make sure):
 * same-origin check, the role the action needs, the cluster's read-only flag, and one audit line
 * whatever the outcome, 401s included.
 */
export function mutation<Path extends string = '/api/clusters/[clusterId]'>(
  action: Action,
  fn: (args: MutationArgs<Path>) => Promise<unknown>,
) {
  return handler<Path>(
    async (args) => {
      const { clusterId, topic } = args.params as Partial<Record<string, string>>;
      const cluster = clusterId === undefined ? undefined : resolveCluster(clusterId, topic);
      checkSameOrigin(args.request);
      // handler() authenticated already; a null session here would be a public path, which mutations never are.
      const session = requireSession(args.session);
      checkRole(session, action);
      if (cluster?.readOnly)
        throw new AppError(
          'read_only',
          `Cluster "${cluster.name}" is read-only: ${action} is refused for everyone`,
        );
      return fn({ ...args, ...(cluster && { cluster }), session } as MutationArgs<Path>);
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
          target: context.change?.target ?? targetOf(action, context),
          ...(context.change && 'before' in context.change && { before: context.change.before }),
          ...(context.change && 'after' in context.change && { after: context.change.after }),
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
