/**
 * Streams whose client left before the answer started: `--orphans` live tails are sent on raw
 * sockets that close at once, then the benchmark prints, over the next `--seconds`, the Fetch
 * requests the console still sends to Kafka and whether a new search is admitted (the console runs
 * with as many stream slots as there are orphans, so a leaked slot shows as a 429).
 *
 *   npm run build && npx tsx bench/orphans.ts [--orphans 3] [--seconds 5] [--port 3196]
 */
import { connect } from 'node:net';
import { kafkaRequestsSent, numberArg, startServer } from './support';

const orphans = numberArg('orphans', 3);
const seconds = numberArg('seconds', 5);
const port = numberArg('port', 3196);
const base = `http://127.0.0.1:${port}`;
const topic = `bench-orphans-${Date.now().toString(36)}`;

const fetches = () => kafkaRequestsSent(port, 'Fetch');

function sendAndClose(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`);
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}

async function main(): Promise<void> {
  process.env.KAFKASCOPE_MAX_STREAMS = String(orphans);
  const server = await startServer(port);
  const api = `${base}/api/clusters/local/topics`;
  try {
    const created = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ name: topic, partitions: 3, replicationFactor: 1 }),
    });
    if (!created.ok) throw new Error(`creating ${topic}: ${created.status} ${await created.text()}`);
    for (let i = 0; i < orphans; i++) await sendAndClose(`/api/clusters/local/topics/${topic}/tail`);
    await new Promise((r) => setTimeout(r, 1_000));
    const before = await fetches();
    await new Promise((r) => setTimeout(r, seconds * 1_000));
    const sent = (await fetches()) - before;
    const search = await fetch(`${api}/${topic}/search?q=x`);
    await search.arrayBuffer();
    console.log(
      `${orphans} orphaned tails: ${sent} Fetch requests in the ${seconds} s after (${(sent / seconds).toFixed(1)}/s); ` +
        `a new search then answers ${search.status}`,
    );
  } finally {
    await fetch(`${api}/${topic}`, { method: 'DELETE', headers: { origin: base } }).catch(() => undefined);
    server.kill();
  }
}

void main();
