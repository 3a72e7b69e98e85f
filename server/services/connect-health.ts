import 'server-only';
import type { ConnectorSummary } from '@/lib/schemas/connect';
import type { ConnectHealth, FailedConnector } from '@/lib/schemas/overview';
import type { ConnectClusterConfig } from '@/server/config/connect';
import type { ClusterConfig } from '@/server/config/schema';
import { maskText } from '@/lib/connect/secrets';
import * as door from '@/server/connect';

/**
 * The Connect side of a cluster's health, for the overview: per Connect cluster one
 * `GET /connectors?expand=status` (never one call per connector), shared by every page that asks
 * within ANSWER_MS, a failure kept as long. The overview waits for it at most WAIT_MS: a Connect
 * cluster that has not answered by then is shown as down with that reason, never a spinner, and the
 * call goes on in the background (bounded by the Connect cluster's time-out) for the next poll.
 */
const ANSWER_MS = 10_000;
export const WAIT_MS = 2_500;
/** At most this many failed connectors listed per Connect cluster; the rest are counted. */
const MAX_LISTED = 20;

interface Entry {
  /** The last answer, and when it came. */
  settled: ConnectHealth | null;
  at: number;
  /** The call under way, if any, and when it started. */
  pending: Promise<ConnectHealth> | null;
  since: number;
}
const store = globalThis as unknown as { __kafkascopeConnectHealth?: Map<string, Entry> };
const entries = () => (store.__kafkascopeConnectHealth ??= new Map());
const keyOf = (cluster: ClusterConfig, config: ConnectClusterConfig) => `${cluster.id}\u0000${config.name}`;

const firstLine = (trace: string | null) => {
  const line = trace?.split('\n', 1)[0]?.trim();
  return line ? line.slice(0, 500) : null;
};

function failedOf(c: ConnectorSummary): FailedConnector | null {
  const failedTasks = c.tasks.filter((t) => t.state === 'FAILED');
  if (c.state !== 'FAILED' && failedTasks.length === 0) return null;
  return {
    name: c.name,
    connect: c.connect,
    state: c.state,
    failedTaskIds: failedTasks.map((t) => t.id),
    tasks: c.tasks.length,
    reason: firstLine(c.state === 'FAILED' && c.trace ? c.trace : (failedTasks[0]?.trace ?? c.trace)),
  };
}

async function load(config: ConnectClusterConfig): Promise<ConnectHealth> {
  try {
    const connectors = await door.connectorStatuses(config);
    const failed = connectors
      .map(failedOf)
      .filter((f): f is FailedConnector => f !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      name: config.name,
      up: true,
      error: null,
      connectors: connectors.length,
      failed: failed.slice(0, MAX_LISTED),
      moreFailed: Math.max(0, failed.length - MAX_LISTED),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      name: config.name,
      up: false,
      error: maskText(message.charAt(0).toUpperCase() + message.slice(1)),
      connectors: 0,
      failed: [],
      moreFailed: 0,
    };
  }
}

const notYet = (config: ConnectClusterConfig): ConnectHealth => ({
  name: config.name,
  up: false,
  error: `Kafka Connect cluster "${config.name}" has not answered within ${WAIT_MS / 1000} s (the console keeps asking)`,
  connectors: 0,
  failed: [],
  moreFailed: 0,
});

async function healthOf(cluster: ClusterConfig, config: ConnectClusterConfig): Promise<ConnectHealth> {
  const key = keyOf(cluster, config);
  let entry = entries().get(key);
  if (!entry) entries().set(key, (entry = { settled: null, at: 0, pending: null, since: 0 }));
  if (entry.settled && !entry.pending && Date.now() - entry.at < ANSWER_MS) return entry.settled;
  if (!entry.pending) {
    const own = entry;
    own.since = Date.now();
    own.pending = load(config).then((health) => {
      Object.assign(own, { settled: health, at: Date.now(), pending: null });
      return health;
    });
  }
  // A call under way for a while already is not waited for again: each overview waits WAIT_MS at most in all.
  const wait = Math.max(0, WAIT_MS - (Date.now() - entry.since));
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    entry.pending,
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), wait))),
  ]);
  clearTimeout(timer);
  // Past the wait, the last answer stands (one refresh old at most), or the reason there is none.
  return waited ?? entry.settled ?? notYet(config);
}

/** Each Connect cluster of `cluster`, answered within WAIT_MS. */
export async function connectHealth(cluster: ClusterConfig): Promise<ConnectHealth[]> {
  return Promise.all(cluster.connect.map((config) => healthOf(cluster, config)));
}

/** After a change to a connector, the next overview asks again. */
export function forgetConnectHealth(cluster: ClusterConfig): void {
  for (const config of cluster.connect) entries().delete(keyOf(cluster, config));
}

/** The overview's problem lines for the Connect clusters. */
export function connectProblems(health: ConnectHealth[]): string[] {
  const lines: string[] = [];
  for (const h of health) {
    if (!h.up) {
      lines.push(`Kafka Connect cluster ${h.name} down`);
      continue;
    }
    const count = h.failed.length + h.moreFailed;
    if (count > 0)
      lines.push(
        `${count} failed connector${count > 1 ? 's' : ''} on Kafka Connect cluster ${h.name}: ` +
          h.failed
            .slice(0, 5)
            .map((f) => f.name)
            .join(', ') +
          (count > 5 ? ', …' : ''),
      );
  }
  return lines;
}
