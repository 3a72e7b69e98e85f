import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { toAppError } from '@/server/kafka/errors';
import type { RawBroker } from '@/server/kafka/internals';
import { describeQuorumRequest, describeQuorumVersion, type QuorumInfo } from '@/server/kafka/protocol/describe-quorum';
import { clientsFor, connected, type ClusterClients } from '@/server/kafka/registry';
import { withTimeout } from '@/server/kafka/timeout';

export interface BrokerNode {
  id: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterDescription {
  clusterId: string | null;
  brokers: BrokerNode[];
  controllerMode: 'kraft' | 'zookeeper';
  controllerId: number | null;
  quorum: QuorumInfo | null;
}

/** Runs `fn` on the first live broker that answers, in random order, so one dead broker never blocks a read. */
async function onAnyBroker<T>(clients: ClusterClients, fn: (broker: RawBroker) => Promise<T>): Promise<T> {
  await clients.raw.refreshMetadataIfNecessary?.();
  const ids = [...clients.raw.getNodeIds()].sort(() => Math.random() - 0.5);
  let lastError: unknown = new Error('no broker in the cluster metadata');
  for (const nodeId of ids) {
    try {
      return await fn(await clients.raw.findBroker({ nodeId }));
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function describeQuorum(clients: ClusterClients): Promise<QuorumInfo | null> {
  return onAnyBroker(clients, async (broker) => {
    const version = describeQuorumVersion(broker);
    return version === null ? null : broker.connectionPool.send(describeQuorumRequest(version));
  });
}

/**
 * Brokers and the active controller: one Metadata request plus, on KRaft, one DescribeQuorum,
 * whatever the number of topics.
 */
export async function describeCluster(config: ClusterConfig): Promise<ClusterDescription> {
  const run = async (): Promise<ClusterDescription> => {
    const clients = await connected(clientsFor(config));
    // Metadata for no topic: brokers, cluster id and controller id only.
    const [metadata, quorum] = await Promise.all([onAnyBroker(clients, (b) => b.metadata([])), describeQuorum(clients)]);
    const brokers = metadata.brokers
      .map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }))
      .sort((a, b) => a.id - b.id);
    return {
      clusterId: metadata.clusterId ?? null,
      brokers,
      controllerMode: quorum ? 'kraft' : 'zookeeper',
      controllerId: quorum ? (quorum.leaderId >= 0 ? quorum.leaderId : null) : (metadata.controllerId != null && metadata.controllerId >= 0 ? metadata.controllerId : null),
      quorum,
    };
  };
  try {
    return await withTimeout(run(), config.requestTimeoutMs, `Cluster "${config.name}"`);
  } catch (error) {
    throw toAppError(error, `Cluster "${config.name}"`);
  }
}
