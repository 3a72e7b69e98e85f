/**
 * Topics at scale: creates N topics on the local cluster (default 2,000 x 6 partitions), then times
 * the console's topics list and overview through its HTTP API (production build) and prints the
 * median server time and the Kafka requests each answer cost.
 *
 *   npm run build && npx tsx bench/topics.ts [--topics 2000] [--partitions 6] [--rf 1] [--runs 5] [--delete]
 *
 * Topics named bench-topic-NNNNN are reused between runs; --delete removes them at the end.
 */
import { Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP, ensureCluster } from '../dev/kafka/local-cluster';
import { measure, numberArg, startServer } from './support';

const TOPICS = numberArg('topics', 2000);
const PARTITIONS = numberArg('partitions', 6);
const RF = numberArg('rf', 1);
const RUNS = numberArg('runs', 5);
const PORT = numberArg('port', 3188);

const names = Array.from({ length: TOPICS }, (_, i) => `bench-topic-${String(i).padStart(5, '0')}`);

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
      topics: missing
        .slice(i, i + 200)
        .map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: RF })),
    });
    process.stdout.write(`\rcreated ${Math.min(i + 200, missing.length)}/${missing.length} topics`);
  }
  while (
    missing.length > 0 &&
    (await admin.listTopics()).filter((t) => t.startsWith('bench-topic-')).length < TOPICS
  ) {
    await new Promise((r) => setTimeout(r, 500));
  }
  if (missing.length > 0) console.log(` in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 3_000)); // leaders elected
  // A message in every 10th topic, so counts and sizes are not all zero.
  const producer = kafka.producer();
  await producer.connect();
  await producer.sendBatch({
    topicMessages: names
      .filter((_, i) => i % 10 === 0)
      .map((topic) => ({ topic, messages: [{ value: 'x'.repeat(200) }] })),
  });
  await producer.disconnect();
  await admin.disconnect();
}

async function main(): Promise<void> {
  ensureCluster();
  const kafka = new Kafka({
    clientId: 'kafkascope-bench',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  await createTopics(kafka);
  const server = await startServer(PORT);
  try {
    console.log(
      `\n${TOPICS} topics x ${PARTITIONS} partitions (RF ${RF}), 3 brokers, median of ${RUNS} runs, each a cache miss:`,
    );
    await measure(PORT, 'GET topics (page 1, by name)', '/api/clusters/local/topics?pageSize=50', RUNS);
    await measure(
      PORT,
      'GET topics (sorted by messages)',
      '/api/clusters/local/topics?pageSize=50&sort=messages&dir=desc',
      RUNS,
    );
    await measure(PORT, 'GET topics (search "topic-01")', '/api/clusters/local/topics?q=topic-01', RUNS);
    await measure(PORT, 'GET overview', '/api/clusters/local/overview', RUNS);
    await measure(PORT, 'GET brokers', '/api/clusters/local/brokers', RUNS);
    await measure(PORT, 'GET one topic', `/api/clusters/local/topics/${names[0]}`, RUNS);
  } finally {
    server.kill();
  }
  if (process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    for (let i = 0; i < names.length; i += 500)
      await admin.deleteTopics({ topics: names.slice(i, i + 500), timeout: 120_000 });
    await admin.disconnect();
    console.log(`deleted ${names.length} bench topics`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
