import 'server-only';
import packageJson from '@/package.json';
import type { ClusterHealth, ClusterList, Liveness, Readiness } from '@/lib/schemas/cluster';
import { getConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { securitySummary } from '@/server/config/security';
import { asAppError } from '@/server/http/app-error';
import { kafka } from '@/server/kafka';
import { metrics } from '@/server/ops/metrics';

/** A readiness probe must answer before the orchestrator's own time-out (often 5-10 s) gives up on it. */
export const READY_TIMEOUT_MS = 4_000;
const MAX_REASON = 200;

export function listClusters(): ClusterList {
  return {
    clusters: getConfig().clusters.map(({ id, name, bootstrapServers, sasl, tls, readOnly }) => ({
      id,
      name,
      bootstrapServers,
      security: securitySummary(sasl, tls),
      readOnly,
    })),
  };
}

/** Liveness: the process serves requests. Never touches Kafka, so a dead cluster cannot get the console restarted. */
export function liveness(): Liveness {
  return { status: 'ok', version: packageJson.version, uptimeSeconds: Math.floor(process.uptime()) };
}

async function clusterHealth(cluster: ClusterConfig): Promise<ClusterHealth> {
  const started = performance.now();
  const bound = Math.min(cluster.requestTimeoutMs, READY_TIMEOUT_MS);
  try {
    // Metadata for no topic: the cheapest request that proves the cluster answers.
    const description = await kafka(cluster).metadata([], { timeoutMs: bound });
    metrics().clusterUp.set({ cluster: cluster.id }, 1);
    return {
      id: cluster.id,
      name: cluster.name,
      status: 'up',
      latencyMs: Math.round(performance.now() - started),
      brokers: description.brokers.length,
      error: null,
      errorCode: null,
    };
  } catch (error) {
    metrics().clusterUp.set({ cluster: cluster.id }, 0);
    // Error messages name the cluster and broker addresses, never credentials; kept short for probes.
    const reason = (error as Error).message;
    return {
      id: cluster.id,
      name: cluster.name,
      status: 'down',
      latencyMs: null,
      brokers: null,
      error: reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason,
      errorCode: asAppError(error).code,
    };
  }
}

/** Clusters are checked in parallel, each within its own bound, so one dead cluster never delays the rest. */
export async function checkReadiness(configured = getConfig().clusters): Promise<Readiness> {
  const clusters = await Promise.all(configured.map(clusterHealth));
  return { status: clusters.every((c) => c.status === 'up') ? 'ok' : 'degraded', clusters };
}

/** How long one readiness result answers every probe and scrape after it settles. */
const READINESS_SHARED_MS = 1_000;

// On globalThis: the readiness and metrics routes are separate bundles in one process.
const shared = globalThis as unknown as {
  __kafkascopeReadiness?: { promise: Promise<Readiness>; settledAt: number | null };
};

/**
 * The readiness of the configured clusters, shared: probes and scrapes are anonymous and may come
 * at any rate, so every caller within a check, and for a second after it, gets the same result
 * (single-flight). Kafka sees at most one check per cluster a second, whatever the probe rate.
 */
export function sharedReadiness(now: () => number = Date.now): Promise<Readiness> {
  const current = shared.__kafkascopeReadiness;
  if (current && (current.settledAt === null || now() - current.settledAt < READINESS_SHARED_MS))
    return current.promise;
  const entry: { promise: Promise<Readiness>; settledAt: number | null } = {
    promise: checkReadiness(),
    settledAt: null,
  };
  // checkReadiness never rejects (each cluster's failure is data), so settling is the only way out.
  void entry.promise.finally(() => {
    entry.settledAt = now();
  });
  shared.__kafkascopeReadiness = entry;
  return entry.promise;
}
