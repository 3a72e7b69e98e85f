/**
 * Topics at scale: creates N topics on the local cluster (default 2,000 x 6 partitions), then times
 * the console's topics list and overview through its HTTP API (production build) and prints the
 * median server time and the Kafka requests each answer cost.
 *
 *   npm run build && npx tsx bench/topics.ts [--topics 2000] [--partitions 6] [--rf 1] [--runs 5] [--delete]
 *
 * Topics named bench-topic-NNNNN are reused between runs; --delete removes them at the end.
 */
import { spawn } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP, ensureCluster } from '../dev/kafka/local-cluster';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TOPICS = arg('topics', 2000);
const PARTITIONS = arg('partitions', 6);
const RF = arg('rf', 1);
const RUNS = arg('runs', 5);
const PORT = arg('port', 3188);
const CACHE_TTL_MS = 2_100; // wait out the server's shared-read cache so every run goes to Kafka

const names = Array.from({ length: TOPICS }, (_, i) => `bench-topic-${String(i).padStart(5, '0')}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function createTopics(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = names.filter((n) => !existing.has(n));
  const started = Date.now();
  for (let i = 0; i < missing.length; i += 200) {
    await admin.createTopics({
      timeout: 120_000,
      waitForLeaders: false,
      topics: missing.slice(i, i + 200).map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: RF })),
    });
    process.stdout.write(`\rcreated ${Math.min(i + 200, missing.length)}/${missing.length} topics`);
  }
  while (missing.length > 0 && (await admin.listTopics()).filter((t) => t.startsWith('bench-topic-')).length < TOPICS) {
    await new Promise((r) => setTimeout(r, 500));
  }
  if (missing.length > 0) console.log(` in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 3_000)); // leaders elected
  // A message in every 10th topic, so counts and sizes are not all zero.
  const producer = kafka.producer();
  await producer.connect();
  await producer.sendBatch({
    topicMessages: names.filter((_, i) => i % 10 === 0).map((topic) => ({ topic, messages: [{ value: 'x'.repeat(200) }] })),
  });
  await producer.disconnect();
  await admin.disconnect();
}

async function startServer(): Promise<() => void> {
  const server = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME: '127.0.0.1', KAFKASCOPE_LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    if (await fetch(`http://127.0.0.1:${PORT}/api/clusters`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => server.kill();
}

async function measure(label: string, path: string): Promise<void> {
  const times: number[] = [];
  let requests = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    await new Promise((r) => setTimeout(r, CACHE_TTL_MS));
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${PORT}${path}`);
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${body}`);
    if (i === 0) continue; // the first run also connects and warms up
    times.push(elapsed);
    requests = Number(response.headers.get('x-kafka-requests'));
    bytes = body.length;
  }
  console.log(
    `${label.padEnd(34)} median ${median(times).toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  kafka requests ${requests}  response ${(bytes / 1024).toFixed(1)} KiB`,
  );
}

async function main(): Promise<void> {
  ensureCluster();
  const kafka = new Kafka({ clientId: 'kafkascope-bench', brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
  await createTopics(kafka);
  const stop = await startServer();
  try {
    console.log(`\n${TOPICS} topics x ${PARTITIONS} partitions (RF ${RF}), 3 brokers, median of ${RUNS} runs, each a cache miss:`);
    await measure('GET topics (page 1, by name)', '/api/clusters/local/topics?pageSize=50');
    await measure('GET topics (sorted by messages)', '/api/clusters/local/topics?pageSize=50&sort=messages&dir=desc');
    await measure('GET topics (search "topic-01")', '/api/clusters/local/topics?q=topic-01');
    await measure('GET overview', '/api/clusters/local/overview');
    await measure('GET brokers', '/api/clusters/local/brokers');
    await measure('GET one topic', `/api/clusters/local/topics/${names[0]}`);
  } finally {
    stop();
  }
  if (process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    for (let i = 0; i < names.length; i += 500) await admin.deleteTopics({ topics: names.slice(i, i + 500), timeout: 120_000 });
    await admin.disconnect();
    console.log(`deleted ${names.length} bench topics`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
