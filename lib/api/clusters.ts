import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import { BrokerListSchema } from '@/lib/schemas/broker';
import { ClusterListSchema, HealthSchema } from '@/lib/schemas/cluster';

export const clustersApi = {
  list: (signal?: AbortSignal) => apiRequest(ClusterListSchema, apiPaths.clusters(), { signal }),
  health: (signal?: AbortSignal) => apiRequest(HealthSchema, apiPaths.health(), { signal }),
  brokers: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(BrokerListSchema, apiPaths.brokers(clusterId), { signal }),
};
