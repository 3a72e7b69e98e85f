import 'server-only';
import type { BrokerList } from '@/lib/schemas/broker';
import type { ClusterConfig } from '@/server/config/schema';
import { describeCluster } from '@/server/kafka/cluster';

export async function listBrokers(cluster: ClusterConfig): Promise<BrokerList> {
  const description = await describeCluster(cluster);
  return {
    clusterId: description.clusterId,
    controllerMode: description.controllerMode,
    controllerId: description.controllerId,
    brokers: description.brokers.map((broker) => ({ ...broker, isController: broker.id === description.controllerId })),
  };
}
