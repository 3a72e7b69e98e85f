import 'server-only';
import { findCluster } from '@/server/config/clusters';
import { kafka } from '@/server/kafka';
import { log } from '@/server/log';

/**
 * One line per mutating request, allowed or refused, and per sign-in and sign-out (`auth.login`,
 * `auth.oidc`, `auth.logout`). Names, never contents: no message values, bodies, passwords, headers
 * or cookies ever reach it.
 */
export interface AuditEntry {
  /** The session's user; for a sign-in, the user name tried (a refused one included). */
  user: string | null;
  role: string | null;
  /** How the user signed in; null without a session. */
  via: 'password' | 'oidc' | 'none' | null;
  action: string;
  cluster: string | null;
  topic?: string;
  group?: string;
  /**
   * An alert rule, channel or silence (`rule 3fa1…`, `channel ops-slack`): its id or name, never its
   * settings. For a batch Kafka answers item by item (ACL bindings), the items it applied.
   */
  target?: string;
  /** The items of such a batch Kafka refused, each with its reason. */
  refused?: { target: string; error: string }[];
  /** A schema registry subject, and the version the action was about. */
  subject?: string;
  version?: string;
  /** A permanent delete (after the soft one) of a subject or a version. */
  permanent?: true;
  /** What the mutation changed, when its route records it (replica lists, leaders): before and after. */
  change?: { before: unknown; after: unknown };
  /**
   * `ok`, or the error code the caller got (`forbidden`, `read_only`, `csrf`, `not_found`,
   * `too_many_requests`, …). A batch answered item by item is `partial` when Kafka refused some of
   * its items and `refused` when it refused them all.
   */
  result: string;
  status: number;
  durationMs: number;
  ip: string | null;
}

const QUEUE_LIMIT = 1_000;
const BATCH = 100;
const queue: string[] = [];
let flushing = false;
let dropped = 0;
let lastWarning = 0;

function warnRarely(msg: string, fields: Record<string, unknown>): void {
  // A dead audit cluster must not flood the log: one warning a minute at most.
  if (Date.now() - lastWarning < 60_000) return;
  lastWarning = Date.now();
  log('warn', msg, fields);
}

function sinkTarget(env = process.env): { clusterId: string; topic: string } | null {
  const topic = env.KAFKASCOPE_AUDIT_TOPIC;
  if (!topic) return null;
  return { topic, clusterId: env.KAFKASCOPE_AUDIT_CLUSTER || 'local' };
}

async function flush(): Promise<void> {
  const target = sinkTarget();
  const cluster = target && findCluster(target.clusterId);
  if (!target || !cluster) {
    queue.length = 0;
    warnRarely('audit topic not written: KAFKASCOPE_AUDIT_CLUSTER names no configured cluster', {
      cluster: target?.clusterId,
    });
    return;
  }
  while (queue.length > 0) {
    const batch = queue.splice(0, BATCH);
    try {
      await kafka(cluster).append(target.topic, batch);
    } catch (error) {
      dropped += batch.length;
      warnRarely('audit records could not be written to Kafka and were dropped', {
        topic: target.topic,
        cluster: cluster.id,
        dropped,
        error: (error as Error).message,
      });
    }
  }
}

/** Writes the audit line to stdout and, when configured, queues it for the audit topic (best effort). */
export function audit(entry: AuditEntry): void {
  const record = { type: 'audit', time: new Date().toISOString(), ...entry };
  const line = JSON.stringify(record);
  // Straight to stdout whatever KAFKASCOPE_LOG_LEVEL says: the audit trail is not a debug aid.
  process.stdout.write(line + '\n');
  if (!sinkTarget()) return;
  if (queue.length >= QUEUE_LIMIT) {
    dropped += 1;
    warnRarely('audit queue full: records dropped', { dropped });
    return;
  }
  queue.push(line);
  if (flushing) return;
  flushing = true;
  // Never awaited by the request: the action's answer does not wait for (or fail with) the audit topic.
  void flush().finally(() => {
    flushing = false;
  });
}
