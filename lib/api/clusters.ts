import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import { BrokerDetailSchema, BrokerListSchema, QuorumSchema } from '@/lib/schemas/broker';
import { ClusterOverviewSchema } from '@/lib/schemas/overview';
import { ConfigListSchema } from '@/lib/schemas/topic';
import { ClusterListSchema, LivenessSchema, ReadinessSchema } from '@/lib/schemas/cluster';

export const clustersApi = {
  list: (signal?: AbortSignal) => apiRequest(ClusterListSchema, apiPaths.clusters(), { signal }),
  health: (signal?: AbortSignal) => apiRequest(LivenessSchema, apiPaths.health(), { signal }),
  // "degraded" when some cluster is down: the UI shows which one and why.
  readiness: (signal?: AbortSignal) => apiRequest(ReadinessSchema, apiPaths.ready(), { signal }),
  brokers: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(BrokerListSchema, apiPaths.brokers(clusterId), { signal }),
  broker: (clusterId: string, brokerId: number, signal?: AbortSignal) =>
    apiRequest(BrokerDetailSchema, apiPaths.broker(clusterId, brokerId), { signal }),
  brokerConfigs: (clusterId: string, brokerId: number, signal?: AbortSignal) =>
    apiRequest(ConfigListSchema, apiPaths.brokerConfigs(clusterId, brokerId), { signal }),
  overview: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(ClusterOverviewSchema, apiPaths.overview(clusterId), { signal }),
  quorum: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(QuorumSchema, apiPaths.quorum(clusterId), { signal }),
};
