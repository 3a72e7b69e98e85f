import 'server-only';
import type { Role } from '@/lib/schemas/auth';
import { clientAddress } from '@/server/auth/client-address';
import type { Session } from '@/server/auth/session';

/**
 * What handler() knows of a call, for an audit line: who, on what, from where, and the body the route
 * read. Built before anything can refuse the call, so a 401 or a malformed path has one too.
 */
export interface AuditContext {
  /** The session's user; null without a valid session. */
  user: string | null;
  role: Role | null;
  via: Session['via'] | null;
  /** The `[clusterId]` segment as asked for, configured or not. */
  cluster: string | null;
  /** The `[topic]`, `[group]`, `[subject]` and `[version]` segments. */
  topic?: string;
  group?: string;
  subject?: string;
  version?: string;
  /** The `[ruleId]`, `[channel]` or `[silenceId]` segment of an alerts route, or a connector or plugin. */
  target?: string;
  /** The `[connect]` segment (a Kafka Connect cluster), for a new connector's target. */
  connect?: string;
  /** A DELETE that asked for `?permanent=true` (the schema registry's delete for good). */
  permanent?: true;
  /**
   * The JSON body as the route read it (before validation), once it has: an audit line may name a
   * field of it (a new topic's name), never hold it, since bodies carry message values and secrets.
   */
  body?: unknown;
  /** Set by the route through recordChange: what the mutation found and left. */
  change?: AuditChange;
  /** Set by a route whose items Kafka answers one by one (ACL bindings) through recordBatch. */
  batch?: AuditBatch;
  ip: string | null;
}

export interface AuditChange {
  before: unknown;
  after: unknown;
}

/**
 * What Kafka did with each item of a batch: the items it applied and those it refused, with its
 * reason. Items are named as the audit line names them (no secrets); the line's `result` follows
 * from them (`ok`, `partial`, `refused`).
 */
export interface AuditBatch {
  applied: string[];
  refused: { target: string; error: string }[];
}

/** How a call ended, as its caller saw it. */
export interface Outcome {
  /** `ok`, or the error code the caller got (`forbidden`, `read_only`, `csrf`, `not_found`, …). */
  result: string;
  status: number;
  durationMs: number;
}

export function auditContext(
  request: Request,
  params: Record<string, string>,
  session: Session | null,
): AuditContext {
  return {
    user: session?.username ?? null,
    role: session?.role ?? null,
    via: session?.via ?? null,
    cluster: params.clusterId ?? null,
    topic: params.topic,
    group: params.group,
    subject: params.subject,
    version: params.version,
    connect: params.connect,
    target: params.connector
      ? `connector ${params.connect}/${params.connector}${params.task ? ` task ${params.task}` : ''}`
      : params.plugin
        ? `plugin ${params.connect}/${params.plugin}`
        : params.ruleId
          ? `rule ${params.ruleId}`
          : params.channel
            ? `channel ${params.channel}`
            : params.silenceId
              ? `silence ${params.silenceId}`
              : undefined,
    ...(new URL(request.url).searchParams.get('permanent') === 'true' && { permanent: true as const }),
    ip: clientAddress(request),
  };
}
