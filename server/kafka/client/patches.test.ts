import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Connection from 'kafkajs/src/network/connection.js';
import Cluster from 'kafkajs/src/cluster/index.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import {
  brokersOnlyMetadata,
  countingSocketFactory,
  KAFKAJS_RELEASE,
  timeEveryRequest,
} from '@/server/kafka/client/patches';
import type { RawCluster } from '@/server/kafka/client/internals';
import { totalKafkaRequests } from '@/server/kafka/request-count';

const require = createRequire(import.meta.url);

describe('the kafkajs internals the console patches', () => {
  it('are those of the kafkajs release the patches were written for', () => {
    const installed = JSON.parse(readFileSync(require.resolve('kafkajs/package.json'), 'utf8')).version;
    // A new kafkajs: read patches.ts, check each patch against its source, then change the release there.
    expect(installed).toBe(KAFKAJS_RELEASE);
  });

  it('Connection#send takes the request in the shape the timing reads, and is wrapped once', () => {
    const proto = Connection.prototype as unknown as { send: (p: unknown) => Promise<unknown> };
    expect(typeof proto.send).toBe('function');
    expect(proto.send.length).toBe(1);
    timeEveryRequest();
    const wrapped = proto.send;
    expect(wrapped.name).toBe('timedSend');
    timeEveryRequest();
    expect(proto.send).toBe(wrapped);
  });

  it('the raw cluster makes its brokers through brokerPool.createBroker, each with metadata() and a connection pool', async () => {
    const raw = new Cluster({
      brokers: ['127.0.0.1:1'],
      clientId: 'patch-test',
      logger: createLogger({ level: logLevel.NOTHING, logCreator: () => () => undefined }),
      offsets: new Map(),
    }) as unknown as RawCluster;
    expect(typeof raw.brokerPool.createBroker).toBe('function');
    brokersOnlyMetadata(raw);
    const sent: { apiName: string; apiVersion: number }[] = [];
    const pool = raw.brokerPool as unknown as { rootLogger: unknown };
    const broker = raw.brokerPool.createBroker({
      nodeId: 0,
      logger: pool.rootLogger,
      connectionPool: {
        send: async (p: { request: { apiName: string; apiVersion: number } }) => {
          sent.push({ apiName: p.request.apiName, apiVersion: p.request.apiVersion });
          return { brokers: [] };
        },
      },
    });
    expect(typeof broker.connectionPool.send).toBe('function');
    // Asked for "all topics", the patched broker sends the console's own Metadata request for none.
    await broker.metadata([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.apiName).toBe('Metadata');
  });

  it('a socket from the counting factory counts each write as one request', () => {
    const factory = countingSocketFactory();
    const socket = factory({
      host: '127.0.0.1',
      port: 1,
      ssl: undefined as never,
      onConnect: () => undefined,
    });
    socket.on('error', () => undefined);
    const before = totalKafkaRequests();
    socket.write(Buffer.from([0]));
    expect(totalKafkaRequests()).toBe(before + 1);
    socket.destroy();
  });
});
