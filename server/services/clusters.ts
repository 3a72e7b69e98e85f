import 'server-only';
import type { ClusterHealth, ClusterList, Health } from '@/lib/schemas/cluster';
import { getConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { describeTopology } from '@/server/kafka/topology';

export function listClusters(): ClusterList {
  return {
    clusters: getConfig().clusters.map(({ id, name, bootstrapServers, readOnly }) => ({
      id,
      name,
      bootstrapServers,
      readOnly,
    })),
  };
}

async function clusterHealth(cluster: ClusterConfig): Promise<ClusterHealth> {
  const started = performance.now();
  try {
    // Metadata for no topic: the cheapest request that proves the cluster answers.
    const description = await describeTopology(cluster, []);
    const latencyMs = Math.round(performance.now() - started);
    return {
      id: cluster.id,
      name: cluster.name,
      status: 'up',
      latencyMs,
      brokers: description.brokers.length,
      error: null,
    };
  } catch (error) {
    return {
      id: cluster.id,
      name: cluster.name,
      status: 'down',
      latencyMs: null,
      brokers: null,
      error: (error as Error).message,
    };
  }
}

/** Clusters are checked in parallel, each bounded by its own time-out, so one dead cluster never delays the rest. */
export async function checkHealth(): Promise<Health> {
  const clusters = await Promise.all(getConfig().clusters.map(clusterHealth));
  return { status: clusters.every((c) => c.status === 'up') ? 'ok' : 'degraded', clusters };
}
