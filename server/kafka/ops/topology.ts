import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import { apiVersionsV3Request, releaseFromFeatures } from '@/server/kafka/protocol/api-versions';
import {
  describeQuorumRequest,
  describeQuorumVersion,
  type QuorumInfo,
} from '@/server/kafka/protocol/describe-quorum';
import { metadataRequest, type MetadataResponse } from '@/server/kafka/protocol/metadata';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import { clusterChange } from '@/server/kafka/client/identity';
import { clientsFor, connected, resetClients, type ClusterClients } from '@/server/kafka/client/registry';

export interface BrokerNode {
  id: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface PartitionMeta {
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicMeta {
  name: string;
  internal: boolean;
  partitions: PartitionMeta[];
}

export interface Topology {
  clusterId: string | null;
  controllerMode: 'kraft' | 'zookeeper';
  controllerId: number | null;
  quorum: QuorumInfo | null;
  /**
   * KRaft whose quorum the console may not describe (its identity lacks DESCRIBE on the CLUSTER):
   * quorum and controllerId are then unknown, and the rest of the topology is read all the same.
   */
  quorumRefused: boolean;
  /** Brokers in the live metadata. */
  brokers: BrokerNode[];
  /** Every broker id the cluster knows: live, quorum members, replica holders. */
  knownBrokerIds: number[];
  topics: TopicMeta[];
}

// Metadata answers a topic that does not exist (3) or whose name Kafka would never accept (17) with
// an error and no partitions: neither is a topic.
const NOT_A_TOPIC = new Set([3, 17]);

/** The KRaft quorum; null on ZooKeeper; 'refused' when the console's identity may not describe it. */
async function describeQuorum(clients: ClusterClients): Promise<QuorumInfo | null | 'refused'> {
  return onAnyBroker(clients, async (broker) => {
    const version = describeQuorumVersion(broker);
    if (version === null) return null;
    try {
      return await broker.connectionPool.send(describeQuorumRequest(version));
    } catch (error) {
      // Every broker would say the same: the metadata is read without the quorum.
      if (error instanceof KafkaProtocolError && error.type === 'CLUSTER_AUTHORIZATION_FAILED')
        return 'refused';
      throw error;
    }
  });
}

function toTopics(metadata: MetadataResponse): TopicMeta[] {
  return metadata.topicMetadata
    .filter((t) => !NOT_A_TOPIC.has(t.topicErrorCode))
    .map((t) => ({
      name: t.topic,
      internal: t.isInternal,
      partitions: t.partitionMetadata
        .map((p) => ({
          partition: p.partitionId,
          leader: p.leader >= 0 ? p.leader : null,
          replicas: p.replicas,
          isr: p.isr,
          offlineReplicas: p.offlineReplicas ?? [],
        }))
        .sort((a, b) => a.partition - b.partition),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Remembers where brokers were last seen, so a broker that went down still shows its address. */
const lastSeen = globalThis as unknown as { __kafkascopeBrokers?: Map<string, BrokerNode> };

function rememberBrokers(clusterId: string, live: BrokerNode[], known: number[]): BrokerNode[] {
  lastSeen.__kafkascopeBrokers ??= new Map();
  for (const broker of live) lastSeen.__kafkascopeBrokers.set(`${clusterId}/${broker.id}`, broker);
  return known
    .filter((id) => !live.some((b) => b.id === id))
    .map(
      (id) =>
        lastSeen.__kafkascopeBrokers!.get(`${clusterId}/${id}`) ?? { id, host: '', port: 0, rack: null },
    );
}

export function lastKnownBroker(config: ClusterConfig, topology: Topology, id: number): BrokerNode {
  return topology.brokers.find((b) => b.id === id) ?? rememberBrokers(config.id, [], [id])[0]!;
}

/**
 * Brokers, controller, and (for `topics`) topic and partition metadata: one Metadata request plus,
 * on KRaft, one DescribeQuorum, whatever the number of topics.
 */
export async function describeTopology(
  config: ClusterConfig,
  topics: string[] | 'all' = 'all',
): Promise<Topology> {
  const run = async (again = true): Promise<Topology> => {
    const clients = await connected(clientsFor(config));
    const [metadata, described] = await Promise.all([
      onAnyBroker(clients, (b) => b.connectionPool.send(metadataRequest(b, topics))),
      describeQuorum(clients),
    ]);
    const quorumRefused = described === 'refused';
    const quorum = quorumRefused ? null : described;
    const change = clusterChange({ clusterId: clients.clusterId, versions: null }, metadata);
    clients.clusterId ??= metadata.clusterId ?? null;
    if (change && again) {
      // Another cluster answers at these addresses: its answers so far came through stale clients.
      resetClients(clients, change);
      return run(false);
    }
    const brokers = metadata.brokers
      .map((b) => ({ id: b.nodeId, host: b.host, port: b.port, rack: b.rack ?? null }))
      .sort((a, b) => a.id - b.id);
    const topicList = toTopics(metadata);
    const known = new Set<number>(brokers.map((b) => b.id));
    for (const r of [...(quorum?.voters ?? []), ...(quorum?.observers ?? [])]) known.add(r.replicaId);
    for (const t of topicList) for (const p of t.partitions) for (const id of p.replicas) known.add(id);
    const knownBrokerIds = [...known].sort((a, b) => a - b);
    rememberBrokers(config.id, brokers, knownBrokerIds);
    const metadataController =
      metadata.controllerId != null && metadata.controllerId >= 0 ? metadata.controllerId : null;
    return {
      clusterId: metadata.clusterId ?? null,
      controllerMode: quorum || quorumRefused ? 'kraft' : 'zookeeper',
      // In KRaft the Metadata "controller" is a random broker; the quorum leader is the real one.
      controllerId: quorumRefused
        ? null
        : quorum
          ? quorum.leaderId >= 0
            ? quorum.leaderId
            : null
          : metadataController,
      quorum,
      quorumRefused,
      brokers,
      knownBrokerIds,
      topics: topicList,
    };
  };
  return run();
}

/** The Kafka release the brokers run, from the metadata.version levels they support; null when not reported. */
export async function detectKafkaRelease(clients: ClusterClients): Promise<string | null> {
  const { features, apis, versions } = await onAnyBroker(clients, async (b) => ({
    ...(await b.connectionPool.send(apiVersionsV3Request())),
    versions: b.versions,
  }));
  // kafkajs asked once, at its first connection: new broker software needs new clients.
  const change = clusterChange({ clusterId: null, versions }, { versions: apis });
  if (change) resetClients(clients, change);
  return releaseFromFeatures(features);
}

/**
 * Whether every live broker knows the topic with `partitions` partitions, each with a leader:
 * brokers learn of a new topic or new partitions from the controller a moment apart, and a page
 * read from one that has not yet would say the topic does not exist. One Metadata per broker; a
 * broker that does not answer is left out.
 */
export async function topicKnownEverywhere(
  clients: ClusterClients,
  topic: string,
  partitions: number,
): Promise<boolean> {
  await clients.raw.refreshMetadataIfNecessary?.();
  const answers = await Promise.all(
    clients.raw
      .getNodeIds()
      .map(Number)
      .map((nodeId) => sendTo(clients, nodeId, (b) => metadataRequest(b, [topic])).catch(() => null)),
  );
  // A broker that does not answer (down) serves no page either: it does not hold the wait up.
  const answered = answers.filter((metadata) => metadata !== null);
  return (
    answered.length > 0 &&
    answered.every((metadata) => {
      const found = toTopics(metadata).find((t) => t.name === topic);
      return (
        !!found && found.partitions.length >= partitions && found.partitions.every((p) => p.leader !== null)
      );
    })
  );
}
