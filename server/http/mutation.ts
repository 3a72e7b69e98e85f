import 'server-only';
import type { Action } from '@/lib/schemas/auth';
import { audit } from '@/server/audit';
import { checkRole, checkSameOrigin, requireSession } from '@/server/auth/guard';
import type { Session } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import type { AuditBatch, AuditContext } from '@/server/http/audit-context';
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

/** The bindings an ACL change names, one `bindingText` each (principals and resource names, no secrets). */
function aclBindingsOf(body: unknown): string | undefined {
  const bindings = (body as { bindings?: unknown } | null)?.bindings;
  if (!Array.isArray(bindings)) return undefined;
  const text = bindings
    .map((b) => {
      const x = (b ?? {}) as Record<string, unknown>;
      const f = (k: string) => String(x[k] ?? '?').slice(0, 300);
      return `${f('permission')} ${f('principal')}@${f('host')} ${f('operation')} ${f('resourceType')}:${f('patternType')}:${f('resourceName')}`;
    })
    .join('; ');
  return text.slice(0, 4000);
}

/** The items of a batch Kafka applied, as one target; undefined when it applied none. */
function appliedOf(batch: AuditBatch): string | undefined {
  return batch.applied.length === 0 ? undefined : batch.applied.join('; ').slice(0, 4000);
}

/** A batch's refused items with Kafka's reason, bounded like the rest of the line. */
function refusedOf(batch: AuditBatch): { target: string; error: string }[] {
  return batch.refused
    .slice(0, 100)
    .map((r) => ({ target: r.target.slice(0, 1300), error: r.error.slice(0, 500) }));
}

/** A batch answered 200 is `ok` only when Kafka applied every item: `partial` when some, `refused` when none. */
function batchResult(batch: AuditBatch): string {
  if (batch.refused.length === 0) return 'ok';
  return batch.applied.length === 0 ? 'refused' : 'partial';
}

/** The alert rule, channel or silence an audit line names: the path's, or a new one's name (never its settings). */
function targetOf(action: Action, context: AuditContext): string | undefined {
  if (context.target) return context.target;
  if (action === 'acl.create' || action === 'acl.delete') return aclBindingsOf(context.body);
  if (action === 'alert.rule.create' || action === 'alert.channel.create') return nameOf(context.body);
  if (action === 'connect.connector.create') {
    const name = nameOf(context.body);
    return name && context.connect ? `connector ${context.connect}/${name}` : undefined;
  }
  if (action === 'transaction.abort') {
    const b = context.body as { topic?: unknown; partition?: unknown; producerId?: unknown } | null;
    if (typeof b?.topic === 'string' && typeof b.producerId === 'number')
      return `producer ${b.producerId} on ${b.topic.slice(0, 249)}-${String(b.partition)}`;
  }
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
      onAnswer: (context, { result, status, durationMs }) => {
        // A batch the route answered names what Kafka applied (target) and what it refused (refused).
        const batch = result === 'ok' ? context.batch : undefined;
        audit({
          user: context.user,
          role: context.role,
          via: context.via,
          action,
          cluster: context.cluster,
          topic: topicOf(action, context),
          group: context.group,
          target: batch ? appliedOf(batch) : targetOf(action, context),
          ...(batch && batch.refused.length > 0 && { refused: refusedOf(batch) }),
          subject: context.subject,
          version: context.version,
          permanent: context.permanent,
          ...(context.change && { change: context.change }),
          result: batch ? batchResult(batch) : result,
          status,
          durationMs,
          ip: context.ip,
        });
      },
    },
  );
}
