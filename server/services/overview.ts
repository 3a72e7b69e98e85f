import 'server-only';
import type { ClusterOverview } from '@/lib/schemas/overview';
import type { ClusterConfig } from '@/server/config/schema';
import { connectHealth, connectProblems } from '@/server/services/connect-health';
import { getKafkaRelease, getTopology } from '@/server/services/snapshot';

/**
 * One glance at the cluster, from a single Metadata (+ DescribeQuorum) request, and one status list
 * per Kafka Connect cluster (connect-health.ts: cached, waited for a bounded time, never failing).
 */
export async function getOverview(cluster: ClusterConfig): Promise<ClusterOverview> {
  const [topology, release, connect] = await Promise.all([
    getTopology(cluster),
    getKafkaRelease(cluster),
    connectHealth(cluster),
  ]);
  const live = new Set(topology.brokers.map((b) => b.id));
  const offlineBrokerIds = topology.knownBrokerIds.filter((id) => !live.has(id));
  let partitions = 0;
  let underReplicated = 0;
  let offline = 0;
  for (const topic of topology.topics) {
    for (const p of topic.partitions) {
      partitions += 1;
      if (p.leader === null) offline += 1;
      if (p.isr.length < p.replicas.length) underReplicated += 1;
    }
  }
  const problems: string[] = [];
  if (offlineBrokerIds.length > 0)
    problems.push(`Broker${offlineBrokerIds.length > 1 ? 's' : ''} ${offlineBrokerIds.join(', ')} down`);
  if (offline > 0) problems.push(`${offline} partition${offline > 1 ? 's' : ''} without a leader`);
  if (underReplicated > 0)
    problems.push(`${underReplicated} under-replicated partition${underReplicated > 1 ? 's' : ''}`);
  if (topology.controllerId === null) problems.push('No active controller');
  const kafkaStatus = problems.length === 0 ? 'healthy' : 'degraded';
  problems.push(...connectProblems(connect));
  return {
    clusterId: topology.clusterId,
    controllerMode: topology.controllerMode,
    controllerId: topology.controllerId,
    brokersTotal: topology.knownBrokerIds.length,
    brokersOnline: topology.brokers.length,
    offlineBrokerIds,
    topics: topology.topics.length,
    internalTopics: topology.topics.filter((t) => t.internal).length,
    partitions,
    underReplicatedPartitions: underReplicated,
    offlinePartitions: offline,
    kafkaVersion: release,
    status: problems.length === 0 ? 'healthy' : 'degraded',
    kafkaStatus,
    problems,
    // Failed connectors first, then the Connect clusters that do not answer, then the rest.
    connect: [...connect].sort((a, b) => rankOf(a) - rankOf(b)),
  };
}

const rankOf = (h: ClusterOverview['connect'][number]) => (h.failed.length > 0 ? 0 : h.up ? 2 : 1);
