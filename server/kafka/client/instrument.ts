import 'server-only';
import Connection from 'kafkajs/src/network/connection.js';
import type { ProtocolRequest } from '@/server/kafka/client/internals';

/**
 * Times every Kafka request by cluster and API. All of them — kafkajs's Admin and producer, our
 * own protocol requests and the group-less Fetch — go through one method, Connection#send, so
 * that is where the timing sits. kafkajs's instrumentation events would miss our raw cluster and
 * error responses. A connection knows its socket factory, and each cluster has its own
 * (registry.ts), which tells us the cluster.
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

type Send = (this: { socketFactory?: object }, protocol: ProtocolRequest<unknown>) => Promise<unknown>;
const PATCHED = Symbol.for('kafkascope.connection.timed');

export function instrumentKafkaRequests(): void {
  const proto = Connection.prototype as unknown as { send: Send; [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  const send = proto.send;
  proto.send = async function timedSend(protocol) {
    const cluster = (this.socketFactory && clusterOfFactory.get(this.socketFactory)) ?? 'unknown';
    const api = protocol?.request?.apiName ?? 'unknown';
    const end = observers.__kafkascopeRequestObserver?.start({ cluster, api });
    let failed = false;
    try {
      return await send.call(this, protocol);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      end?.(failed);
    }
  };
  proto[PATCHED] = true;
}
