/** What the benchmarks share: arguments, the production server they measure, medians, a filled topic. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Kafka } from 'kafkajs';
import path from 'node:path';

export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Starts the standalone production server of the checkout in `dir` (run `npm run build` there first)
 * and waits until it answers.
 */
export async function startServer(port: number, dir = process.cwd()): Promise<ChildProcess> {
  // Another server on the port would answer for this one (which then exits) and be measured instead.
  if (
    await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${port} is already in use: stop what runs there or pick another --port`);
  const server = spawn(process.execPath, [path.join(dir, '.next/standalone/server.js')], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      KAFKASCOPE_LOG_LEVEL: 'error',
      // Benchmarks measure the Kafka side of a page; login is off, explicitly, on this local server.
      KAFKASCOPE_AUTH: process.env.KAFKASCOPE_AUTH ?? 'none',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/clusters`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(
    `the server did not start: is there a production build (npm run build)?\n${errors.slice(-2_000)}`,
  );
}

/** Stops a server started by startServer and waits until it has exited (and freed its port). */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Median server time of `path` over `runs` requests, each after the server's 2 s shared-read cache
 * expired, so every run goes to Kafka; the first request (connecting) is not counted.
 */
export async function measure(port: number, label: string, path: string, runs: number): Promise<void> {
  const times: number[] = [];
  let requests = 0;
  let bytes = 0;
  for (let i = 0; i < runs + 1; i++) {
    await new Promise((r) => setTimeout(r, 2_100));
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${body}`);
    if (i === 0) continue;
    times.push(elapsed);
    requests = Number(response.headers.get('x-kafka-requests'));
    bytes = body.length;
  }
  console.log(
    `${label.padEnd(36)} median ${median(times).toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  kafka requests ${requests}  response ${(bytes / 1024).toFixed(1)} KiB`,
  );
}

/** Kafka requests the console at `port` has sent so far, by its own metrics: all APIs, or only `api`. */
export async function kafkaRequestsSent(port: number, api?: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/api/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^kafkascope_kafka_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm))
    if (api === undefined || match[1]!.includes(`api="${api}"`)) total += Number(match[2]);
  return total;
}

/**
 * Runs one search through the API, reading the event stream as the browser would: the time it took,
 * the time to its first matches, and its `done` event.
 */
export async function runSearch(port: number, topic: string, params: Record<string, string>) {
  const url = `http://127.0.0.1:${port}/api/clusters/local/topics/${topic}/search?${new URLSearchParams(params)}`;
  const started = performance.now();
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let firstResultMs: number | null = null;
  let done: { scanned: number; matched: number; reason: string } | null = null;
  const reader = response.body.getReader();
  for (;;) {
    const { done: ended, value: chunk } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(frame)?.[1];
      if (event === 'messages' && firstResultMs === null) firstResultMs = performance.now() - started;
      if (event === 'done') done = JSON.parse(/^data: (.+)$/m.exec(frame)![1]!);
      if (event === 'error') throw new Error(frame);
    }
  }
  if (!done) throw new Error('the search stream ended without a done event');
  return { elapsedMs: performance.now() - started, firstResultMs, done };
}

/**
 * Makes sure `topic` holds at least `messages` JSON messages of ~200 bytes, spread evenly over its
 * partitions (created when missing, filled up when short). With `transactional` they are written in
 * transactions of 20,000 messages, each ending in a COMMIT marker on every partition.
 */
/** One record of a bench topic: ~200 bytes as JSON; one in 1,000 is "cancelled". */
export interface BenchRecord {
  id: number;
  status: 'placed' | 'cancelled';
  total: number;
  region: string;
  pad: string;
}

export async function fillTopic(
  kafka: Kafka,
  options: {
    topic: string;
    messages: number;
    partitions: number;
    transactional?: boolean;
    /** The value of record `id` as bytes (a schema's wire format); by default JSON text. */
    encode?: (record: BenchRecord) => Buffer;
  },
): Promise<void> {
  const { topic, messages: total, partitions, transactional = false, encode } = options;
  const admin = kafka.admin();
  await admin.connect();
  if (!(await admin.listTopics()).includes(topic)) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    });
  }
  const have = (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high) - Number(p.low), 0);
  await admin.disconnect();
  if (have >= total) return;
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    ...(transactional && { transactionalId: `${topic}-fill`, idempotent: true, maxInFlightRequests: 1 }),
  });
  await producer.connect();
  const started = Date.now();
  const pad = 'x'.repeat(90);
  for (let sent = have; sent < total;) {
    const n = Math.min(20_000, total - sent);
    const messages = Array.from({ length: n }, (_, i) => {
      const id = sent + i;
      const record: BenchRecord = {
        id,
        status: id % 1000 === 0 ? 'cancelled' : 'placed',
        total: (id % 500) + 0.99,
        region: 'eu-west',
        pad,
      };
      return {
        key: `customer-${id % 1000}`,
        value: encode ? encode(record) : JSON.stringify(record),
        partition: id % partitions,
      };
    });
    if (transactional) {
      const transaction = await producer.transaction();
      await transaction.send({ topic, messages });
      await transaction.commit();
    } else await producer.send({ topic, messages, acks: 1 });
    sent += n;
    process.stdout.write(`\rproduced ${sent}/${total}`);
  }
  console.log(` in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await producer.disconnect();
}
