import 'server-only';

/**
 * Who is told of each Kafka request, and which cluster a connection belongs to: a connection knows
 * its socket factory, and each cluster has its own (registry.ts). The timing itself is patches.ts's.
 */
// On globalThis: a second copy of this module (Next bundles per route) must label into the map
// that the one patched send reads.
const store = globalThis as unknown as { __kafkascopeFactoryCluster?: WeakMap<object, string> };
const clusterOfFactory = (store.__kafkascopeFactoryCluster ??= new WeakMap());

export function labelSocketFactory<F extends object>(factory: F, clusterId: string): F {
  clusterOfFactory.set(factory, clusterId);
  return factory;
}

/** Told of every Kafka request: `start` is called as it is sent and returns what to call when it ends. */
export interface RequestObserver {
  start(labels: { cluster: string; api: string }): (failed: boolean) => void;
}

const observers = globalThis as unknown as { __kafkascopeRequestObserver?: RequestObserver };

/** Who times Kafka requests (the metrics registry, from server/ops); one at a time. */
export function observeKafkaRequests(observer: RequestObserver): void {
  observers.__kafkascopeRequestObserver = observer;
}

/** The observer told of each request, if any. */
export const requestObserver = (): RequestObserver | undefined => observers.__kafkascopeRequestObserver;

/** The cluster a connection's socket factory was labelled with. */
export const clusterOfSocketFactory = (factory: object | undefined): string =>
  (factory && clusterOfFactory.get(factory)) ?? 'unknown';
