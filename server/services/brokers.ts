import 'server-only';
import type { Broker, BrokerDetail, BrokerList, Quorum } from '@/lib/schemas/broker';
import type { ConfigList } from '@/lib/schemas/topic';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { kafka, lastKnownBroker, type LogDirReport, type Topology } from '@/server/kafka';
import { notAllowed } from '@/server/services/identity';
import { getLogDirs, getTopology } from '@/server/services/snapshot';

function toBrokers(config: ClusterConfig, topology: Topology, logDirs: LogDirReport): Broker[] {
  const led = new Map<number, number>();
  const held = new Map<number, number>();
  for (const topic of topology.topics) {
    for (const p of topic.partitions) {
      if (p.leader !== null) led.set(p.leader, (led.get(p.leader) ?? 0) + 1);
      for (const r of p.replicas) held.set(r, (held.get(r) ?? 0) + 1);
    }
  }
  const live = new Set(topology.brokers.map((b) => b.id));
  const voters = new Set(topology.quorum?.voters.map((v) => v.replicaId) ?? []);
  const observers = new Set(topology.quorum?.observers.map((o) => o.replicaId) ?? []);
  return topology.knownBrokerIds.map((id) => {
    // A broker is in the metadata, holds replicas or follows the quorum as an observer; a node that only
    // votes is a dedicated controller. ZooKeeper's controller is one of the brokers.
    const isBroker = live.has(id) || held.has(id) || observers.has(id) || !voters.has(id);
    const isVoter = topology.quorum ? voters.has(id) : id === topology.controllerId;
    const roles: Broker['roles'] = [
      ...(isBroker ? ['broker' as const] : []),
      ...(isVoter ? ['controller' as const] : []),
    ];
    const node = lastKnownBroker(config, topology, id);
    // A broker that is down has no size to report, even if a cached answer from before it went down has one.
    const dirs = live.has(id) ? logDirs.byBroker.get(id) : undefined;
    return {
      ...node,
      roles,
      isController: id === topology.controllerId,
      online: live.has(id),
      partitionsLed: led.get(id) ?? 0,
      replicas: held.get(id) ?? 0,
      logDirBytes: dirs
        ? dirs.reduce((sum, d) => sum + d.partitions.reduce((s, p) => s + p.sizeBytes, 0), 0)
        : null,
    };
  });
}

/** Brokers (down ones included), partitions led and held, bytes on disk: 1 Metadata + 1 DescribeLogDirs per broker. */
export async function listBrokers(cluster: ClusterConfig): Promise<BrokerList> {
  const topology = await getTopology(cluster);
  const logDirs = await getLogDirs(cluster);
  return {
    clusterId: topology.clusterId,
    controllerMode: topology.controllerMode,
    controllerId: topology.controllerId,
    brokers: toBrokers(cluster, topology, logDirs),
  };
}

export async function getBroker(cluster: ClusterConfig, brokerId: number): Promise<BrokerDetail> {
  const topology = await getTopology(cluster);
  const logDirs = await getLogDirs(cluster);
  const broker = toBrokers(cluster, topology, logDirs).find((b) => b.id === brokerId);
  if (!broker) throw new AppError('not_found', `Broker ${brokerId} is not part of cluster "${cluster.name}"`);
  const dirs = logDirs.byBroker.get(brokerId) ?? [];
  return {
    ...broker,
    logDirs: dirs.map((d) => ({
      path: d.path,
      error: d.error,
      sizeBytes: d.partitions.reduce((s, p) => s + p.sizeBytes, 0),
      totalBytes: d.totalBytes >= 0 ? d.totalBytes : null,
      usableBytes: d.usableBytes >= 0 ? d.usableBytes : null,
    })),
  };
}

export async function getBrokerConfigs(cluster: ClusterConfig, brokerId: number): Promise<ConfigList> {
  const topology = await getTopology(cluster);
  if (!topology.knownBrokerIds.includes(brokerId)) {
    throw new AppError('not_found', `Broker ${brokerId} is not part of cluster "${cluster.name}"`);
  }
  if (!topology.brokers.some((b) => b.id === brokerId)) {
    throw new AppError('broker_unavailable', `Broker ${brokerId} is down: its configuration cannot be read`);
  }
  return { configs: await kafka(cluster).brokerConfigs(brokerId) };
}

/** The KRaft quorum as DescribeQuorum reports it; lag is the distance to the leader's log end. */
export async function getQuorum(cluster: ClusterConfig): Promise<Quorum> {
  const topology = await getTopology(cluster);
  if (topology.quorumRefused)
    throw new AppError(
      'forbidden',
      notAllowed(cluster, 'describe the metadata quorum', 'DESCRIBE on the CLUSTER resource (kafka-cluster)'),
    );
  const quorum = topology.quorum;
  if (!quorum) {
    return {
      controllerMode: 'zookeeper',
      leaderId: topology.controllerId,
      leaderEpoch: null,
      highWatermark: null,
      replicas: [],
    };
  }
  const leaderEnd =
    quorum.voters.find((v) => v.replicaId === quorum.leaderId)?.logEndOffset ?? quorum.highWatermark;
  const replica = (role: 'voter' | 'observer') => (r: (typeof quorum.voters)[number]) => ({
    id: r.replicaId,
    role: r.replicaId === quorum.leaderId ? ('leader' as const) : role,
    logEndOffset: r.logEndOffset,
    lag: Math.max(0, leaderEnd - r.logEndOffset),
    lastFetchTimestamp: r.lastFetchTimestamp >= 0 ? r.lastFetchTimestamp : null,
    lastCaughtUpTimestamp: r.lastCaughtUpTimestamp >= 0 ? r.lastCaughtUpTimestamp : null,
  });
  return {
    controllerMode: 'kraft',
    leaderId: quorum.leaderId >= 0 ? quorum.leaderId : null,
    leaderEpoch: quorum.leaderEpoch,
    highWatermark: quorum.highWatermark,
    replicas: [...quorum.voters.map(replica('voter')), ...quorum.observers.map(replica('observer'))],
  };
}
