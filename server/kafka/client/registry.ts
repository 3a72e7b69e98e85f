import 'server-only';
import { Kafka, logLevel, type Admin, type logCreator, type Producer } from 'kafkajs';
import Cluster from 'kafkajs/src/cluster/index.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import type { ClusterConfig } from '@/server/config/schema';
import type { RawCluster } from '@/server/kafka/client/internals';
import '@/server/kafka/client/codecs';
import { toKafkaError } from '@/server/kafka/errors';
import { labelSocketFactory } from '@/server/kafka/client/instrument';
import { brokersOnlyMetadata, countingSocketFactory, timeEveryRequest } from '@/server/kafka/client/patches';
import { saslOptions, tlsOptions } from '@/server/kafka/client/security';
import { withTimeout } from '@/server/kafka/client/timeout';
import { log } from '@/server/log';

/** kafkajs logs through ours, quietly: connection noise from a down broker is a warning, not a flood. */
const kafkaLog: logCreator =
  () =>
  ({ level, log: entry }) => {
    const { message, broker, clusterId, error } = entry as Record<string, unknown>;
    log(level <= logLevel.ERROR ? 'warn' : 'debug', `kafka: ${String(message)}`, {
      cluster: clusterId,
      broker,
      error,
    });
  };

export interface ClusterClients {
  config: ClusterConfig;
  kafka: Kafka;
  admin: Admin;
  /** Created on the first produce: most sessions only read. */
  producer: Promise<Producer> | null;
  /** kafkajs's lower layer, for protocol requests its Admin has no method for (see server/kafka/protocol). */
  raw: RawCluster;
  connected: Promise<void> | null;
  /** The cluster id these clients first saw: another one behind the same addresses means reconnecting. */
  clusterId: string | null;
}

timeEveryRequest();

function create(config: ClusterConfig): ClusterClients {
  const base = {
    clientId: 'kafkascope',
    brokers: config.bootstrapServers,
    connectionTimeout: config.connectionTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    enforceRequestTimeout: true,
    // Few, quick retries: a page must learn that a broker is down within its time-out.
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1_000 },
    // One factory per cluster: it is how the request timing knows the cluster (instrument.ts).
    socketFactory: labelSocketFactory(countingSocketFactory(), config.id),
    ssl: tlsOptions(config),
    sasl: saslOptions(config),
    authenticationTimeout: config.requestTimeoutMs,
  };
  const kafka = new Kafka({ ...base, logLevel: logLevel.ERROR, logCreator: kafkaLog });
  const raw = new Cluster({
    ...base,
    logger: createLogger({ level: logLevel.ERROR, logCreator: kafkaLog }),
    allowAutoTopicCreation: false,
    metadataMaxAge: 30_000,
    offsets: new Map(),
  });
  brokersOnlyMetadata(raw as unknown as RawCluster);
  return {
    config,
    kafka,
    admin: kafka.admin({ retry: base.retry }),
    raw,
    connected: null,
    producer: null,
    clusterId: null,
  };
}

const store = globalThis as unknown as { __kafkascopeClients?: Map<string, ClusterClients> };

/** One long-lived set of clients per cluster, kept on globalThis so dev reloads don't leak sockets. */
export function clientsFor(config: ClusterConfig): ClusterClients {
  store.__kafkascopeClients ??= new Map();
  let clients = store.__kafkascopeClients.get(config.id);
  if (!clients) {
    clients = create(config);
    store.__kafkascopeClients.set(config.id, clients);
  }
  return clients;
}

/** Connects lazily, within the cluster's time-out; a failed connect is forgotten so the next request tries again. */
export async function connected(clients: ClusterClients): Promise<ClusterClients> {
  const { config } = clients;
  clients.connected ??= Promise.all([clients.admin.connect(), clients.raw.connect()]).then(() => undefined);
  try {
    await withTimeout(clients.connected, config.requestTimeoutMs, `Cluster "${config.name}"`);
  } catch (error) {
    clients.connected = null;
    throw toKafkaError(error, `Cluster "${config.name}"`, config);
  }
  return clients;
}

/** The cluster's one producer, connected on first use; a failed connect is forgotten. */
export async function producerFor(clients: ClusterClients): Promise<Producer> {
  clients.producer ??= (async () => {
    // Brokers learn of a new topic a moment apart: retry quickly, within the call's time-out.
    const producer = clients.kafka.producer({
      allowAutoTopicCreation: false,
      retry: { retries: 6, initialRetryTime: 100, maxRetryTime: 1_000 },
    });
    await producer.connect();
    return producer;
  })();
  try {
    return await withTimeout(
      clients.producer,
      clients.config.requestTimeoutMs,
      `Cluster "${clients.config.name}"`,
    );
  } catch (error) {
    clients.producer = null;
    throw toKafkaError(error, `Cluster "${clients.config.name}"`, clients.config);
  }
}

/**
 * kafkajs's producer keeps refreshing metadata for every topic it ever sent to, and fails all sends
 * once one of them is deleted or has a partition without a leader: drop it, and the next send
 * starts a fresh one.
 */
export function resetProducer(clients: ClusterClients): void {
  const old = clients.producer;
  clients.producer = null;
  old?.then((p) => p.disconnect()).catch(() => undefined);
}

/**
 * Drops a cluster's clients, so that the next call connects afresh: the cluster behind its addresses
 * changed (see identity.ts), and kafkajs would keep its protocol versions and broker list forever.
 */
export function resetClients(clients: ClusterClients, reason: string): void {
  const { config } = clients;
  if (store.__kafkascopeClients?.get(config.id) !== clients) return;
  store.__kafkascopeClients.delete(config.id);
  log('warn', `kafka: reconnecting to cluster "${config.name}": ${reason}`, { cluster: config.id });
  void Promise.allSettled([
    clients.admin.disconnect(),
    clients.raw.disconnect(),
    clients.producer?.then((p) => p.disconnect()),
  ]);
}

export async function disconnectAll(): Promise<void> {
  const all = [...(store.__kafkascopeClients?.values() ?? [])];
  store.__kafkascopeClients?.clear();
  await Promise.allSettled(
    all.flatMap((c) => [c.admin.disconnect(), c.raw.disconnect(), c.producer?.then((p) => p.disconnect())]),
  );
}
