import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_URLS, connectRequest, ensureConnect } from '@/dev/connect/local-connect';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { getConnector, listConnectors } from '@/server/services/connect';

/**
 * A Connect cluster configured with several worker URLs, one of them a real worker of the local
 * group (dev/connect) and the others dead: a port nothing listens on (the connection is refused) and
 * a socket that accepts and never answers (a worker that hangs). Listing still works through the
 * worker that answers and matches what the worker itself lists; with every URL dead, the cluster is
 * down and the reason names each URL. The shared workers are never stopped.
 */
const base = loadConfig({}).clusters[0]!;
let refusedUrl = '';
let hangingUrl = '';
let hanging: net.Server;
const held: net.Socket[] = [];

/** A port that was free a moment ago and is closed again: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function clusterWith(name: string, urls: string[], timeoutMs = 1_500): ClusterConfig {
  return {
    ...base,
    connect: [
      {
        name,
        url: urls[0]!,
        urls,
        username: undefined,
        password: undefined,
        tls: undefined,
        timeoutMs,
      },
    ],
  };
}

beforeAll(async () => {
  await ensureConnect();
  refusedUrl = `http://127.0.0.1:${await closedPort()}`;
  hanging = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => hanging.close(resolve));
});

describe('a Connect cluster with several worker URLs', () => {
  it('lists through the worker that answers when the first URL refuses, and keeps asking that one', async () => {
    const cluster = clusterWith('failover', [refusedUrl, CONNECT_URLS[0]!]);
    // Other suites create and delete their own connectors meanwhile (it-…): compare the others.
    const worker = (await connectRequest<string[]>('GET', '/connectors'))
      .filter((n) => !n.startsWith('it-'))
      .sort();
    const list = await listConnectors(cluster);
    expect(list.clusters).toEqual([
      expect.objectContaining({
        name: 'failover',
        up: true,
        error: null,
        url: new URL(CONNECT_URLS[0]!).origin,
        urls: [refusedUrl, new URL(CONNECT_URLS[0]!).origin],
      }),
    ]);
    expect(list.connectors.map((c) => c.name).filter((n) => !n.startsWith('it-'))).toEqual(
      expect.arrayContaining(worker),
    );
    // The next call starts at the worker that answered: fast, not another refused connection first.
    if (worker[0]) {
      const detail = await getConnector(cluster, 'failover', worker[0]);
      expect(detail.name).toBe(worker[0]);
    }
  });

  it('moves on from a worker that does not answer in time', async () => {
    const cluster = clusterWith('hung', [hangingUrl, CONNECT_URLS[1]!], 1_000);
    const started = Date.now();
    const list = await listConnectors(cluster);
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(list.clusters[0]).toMatchObject({ up: true, url: new URL(CONNECT_URLS[1]!).origin });
  });

  it('is down only when every URL is, and the reason names each of them', async () => {
    const cluster = clusterWith('nowhere', [refusedUrl, hangingUrl], 1_000);
    const started = Date.now();
    const list = await listConnectors(cluster);
    expect(Date.now() - started).toBeLessThan(8_000);
    const [status] = list.clusters;
    expect(status).toMatchObject({ name: 'nowhere', up: false });
    expect(status!.error).toMatch(/^No worker of Connect cluster "nowhere" answered \(2 URLs\)/);
    expect(status!.error).toContain(`${refusedUrl} cannot be reached (ECONNREFUSED)`);
    expect(status!.error).toContain(`${hangingUrl} did not answer within 1000 ms`);
    expect(list.connectors).toEqual([]);
  });
});
