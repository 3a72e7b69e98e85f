import { connect } from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { signedIn } from '../support/auth';

// A client that sends a search or tail and leaves before the answer starts must not keep a slot
// (nor a fetch loop against Kafka) until the stream's own time bound.
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3199}`;
const base = '/api/clusters/local';
const topic = `e2e-api-streams-${Date.now().toString(36)}`;
let viewer: APIRequestContext;
let cookie: string;

test.beforeAll(async ({ request }) => {
  const created = await request.post(`${base}/topics`, {
    data: { name: topic, partitions: 3, replicationFactor: 1 },
  });
  expect(created.status()).toBe(200);
  viewer = await signedIn(baseURL, 'viewer');
  const { cookies } = await viewer.storageState();
  cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
});
test.afterAll(async ({ request }) => {
  await viewer?.dispose();
  await request.delete(`${base}/topics/${topic}`);
});

async function scrape(): Promise<{ streams: number; fetches: number }> {
  const text = await (await fetch(`${baseURL}/api/metrics`)).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    streams: value(/^kafkascope_streams_running (\d+)$/m),
    fetches: value(/^kafkascope_kafka_request_duration_seconds_count\{cluster="local",api="Fetch"\} (\d+)$/m),
  };
}

/** Writes the request and closes the socket at once, before any byte of the answer. */
function sendAndClose(path: string): Promise<void> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\nAccept: text/event-stream\r\n\r\n`,
      );
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

/** Sends the request and aborts it 1 ms later. */
async function abortAfterOneMs(path: string): Promise<void> {
  const controller = new AbortController();
  const sent = fetch(`${baseURL}${path}`, { headers: { cookie }, signal: controller.signal }).catch(
    () => null,
  );
  setTimeout(() => controller.abort(), 1);
  await sent;
}

test('search and tail slots come back within a second when the client leaves before the answer, and Kafka fetches stop', async () => {
  const tail = `${base}/topics/${topic}/tail`;
  const search = `${base}/topics/${topic}/search?q=needle`;
  // Three at a time is the viewer's limit: twice that many early departures, of both kinds.
  for (const leave of [sendAndClose, abortAfterOneMs]) {
    await Promise.all([leave(tail), leave(tail), leave(search)]);
  }
  await expect.poll(async () => (await scrape()).streams, { timeout: 1_000, intervals: [100] }).toBe(0);
  // The orphans' fetch loops have stopped: no Fetch goes out while nobody streams.
  const before = (await scrape()).fetches;
  await new Promise((r) => setTimeout(r, 1_500));
  expect((await scrape()).fetches - before).toBe(0);
  // And the viewer may stream again, three at once.
  const streams = await Promise.all([0, 1, 2].map(() => viewer.get(search, { timeout: 30_000 })));
  expect(streams.map((r) => r.status())).toEqual([200, 200, 200]);
});
