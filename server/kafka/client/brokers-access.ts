import 'server-only';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import type { ClusterClients } from '@/server/kafka/client/registry';

/** Runs `fn` on the first live broker that answers, in random order, so one dead broker never blocks a read. */
export async function onAnyBroker<T>(
  clients: ClusterClients,
  fn: (broker: RawBroker) => Promise<T>,
): Promise<T> {
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

/** Sends one of our protocol requests to a given broker. */
export async function sendTo<T>(
  clients: ClusterClients,
  nodeId: number,
  build: (broker: RawBroker) => ProtocolRequest<T>,
): Promise<T> {
  const broker = await clients.raw.findBroker({ nodeId });
  return broker.connectionPool.send(build(broker));
}

/** Runs `fn` for every key in parallel; failures are returned per key instead of failing the lot. */
export async function settleEach<K, T>(
  keys: K[],
  fn: (key: K) => Promise<T>,
): Promise<{ ok: Map<K, T>; failed: Map<K, unknown> }> {
  const results = await Promise.allSettled(keys.map(fn));
  const ok = new Map<K, T>();
  const failed = new Map<K, unknown>();
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') ok.set(keys[i]!, result.value);
    else failed.set(keys[i]!, result.reason);
  });
  return { ok, failed };
}
