'use client';

import { useQuery } from '@tanstack/react-query';
import type { Status } from '@/components/ui/status-dot';
import { clustersOptions, readinessOptions } from '@/lib/query/clusters';
import type { ClusterHealth, ClusterSummary } from '@/lib/schemas/cluster';

export interface ClusterEntry {
  cluster: ClusterSummary;
  status: Status;
  health: ClusterHealth | null;
}

/** The configured clusters joined with their last health check, as the switcher and top bar show them. */
export function useClusterDirectory() {
  const clustersQuery = useQuery(clustersOptions());
  const healthQuery = useQuery(readinessOptions());
  const healthById = new Map((healthQuery.data?.clusters ?? []).map((h) => [h.id, h]));
  const entries: ClusterEntry[] = (clustersQuery.data?.clusters ?? []).map((cluster) => {
    const health = healthById.get(cluster.id) ?? null;
    return { cluster, health, status: health?.status ?? 'unknown' };
  });
  return {
    entries,
    /** The cluster list has arrived, so a cluster missing from it is really not configured. */
    isLoaded: clustersQuery.data !== undefined,
    find: (clusterId: string) => entries.find((entry) => entry.cluster.id === clusterId),
  };
}
