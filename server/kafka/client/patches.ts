import 'server-only';
import type { ISocketFactory } from 'kafkajs';
import Connection from 'kafkajs/src/network/connection.js';
import socketFactory from 'kafkajs/src/network/socketFactory.js';
import type { ProtocolRequest, RawBroker, RawCluster } from '@/server/kafka/client/internals';
import { clusterOfSocketFactory, requestObserver } from '@/server/kafka/client/instrument';
import { metadataRequest } from '@/server/kafka/protocol/metadata';
import { countKafkaRequest } from '@/server/kafka/request-count';

/**
 * Every place where the console reaches below kafkajs's public API, each with its reason. They
 * hold for the kafkajs release below; patches.test.ts fails when kafkajs changes under them.
 *
 * 1. timeEveryRequest wraps Connection#send: every request (kafkajs's Admin and producer, the
 *    console's own protocol requests, the group-less Fetch) passes there, so one wrapper times them
 *    all by cluster and API; kafkajs's instrumentation events miss the raw cluster and errors.
 * 2. countingSocketFactory counts socket writes: kafkajs writes each request frame with one write,
 *    so counting writes counts requests (TLS sockets take the clear text: one frame, one write).
 * 3. brokersOnlyMetadata changes what a broker of the raw cluster asks on its periodic refresh.
 */
export const KAFKAJS_RELEASE = '2.2.4';

/**
 * kafkajs writes each request frame with one socket.write: counting writes counts requests. TLS sockets
 * are counted the same way (their write takes the clear text, so one frame is still one write).
 */
export function countingSocketFactory(): ISocketFactory {
  const base = socketFactory() as ISocketFactory;
  return (args) => {
    const socket = base(args);
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    socket.write = ((...writeArgs: unknown[]) => {
      countKafkaRequest();
      return write(...writeArgs);
    }) as typeof socket.write;
    return socket;
  };
}

/** 1. Times every request by cluster and API, once per process (the prototype is marked). */
type Send = (this: { socketFactory?: object }, protocol: ProtocolRequest<unknown>) => Promise<unknown>;
const PATCHED = Symbol.for('kafkascope.connection.timed');

export function timeEveryRequest(): void {
  const proto = Connection.prototype as unknown as { send: Send; [PATCHED]?: boolean };
  if (proto[PATCHED]) return;
  const send = proto.send;
  proto.send = async function timedSend(protocol) {
    const cluster = clusterOfSocketFactory(this.socketFactory);
    const api = protocol?.request?.apiName ?? 'unknown';
    const end = requestObserver()?.start({ cluster, api });
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

/**
 * The raw cluster refreshes its broker list every 30 s. Left to kafkajs, that refresh asks for the
 * metadata of every topic (it sends an empty topic list as "all") and fails as a whole on the first
 * partition without a leader: one offline partition would make every read of the cluster fail, and
 * a cluster of thousands of topics would pay for their metadata twice a minute. Its brokers ask for
 * brokers only, through our Metadata request, which keeps partition errors as data.
 */
export function brokersOnlyMetadata(raw: RawCluster): void {
  const pool = raw.brokerPool;
  const patch = (broker: RawBroker): RawBroker => {
    const original = broker.metadata.bind(broker);
    broker.metadata = (topics: string[]) =>
      topics.length === 0 ? broker.connectionPool.send(metadataRequest(broker, [])) : original(topics);
    return broker;
  };
  // Every broker, the seed broker included, is made by createBroker.
  const create = pool.createBroker.bind(pool);
  pool.createBroker = (options: unknown) => patch(create(options));
}
