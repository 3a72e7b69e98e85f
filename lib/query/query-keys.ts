/**
 * The one query-key factory. Every key of a cluster's resources starts with `keys.cluster(id)`, so
 * invalidating a cluster (or one resource kind in it) is a single call.
 */
export const keys = {
  all: ['kafkascope'] as const,
  health: () => [...keys.all, 'health'] as const,
  clusters: () => [...keys.all, 'clusters'] as const,
  cluster: (clusterId: string) => [...keys.all, 'cluster', clusterId] as const,
  brokers: {
    all: (clusterId: string) => [...keys.cluster(clusterId), 'brokers'] as const,
    list: (clusterId: string) => [...keys.brokers.all(clusterId), 'list'] as const,
  },
};
