/**
 * Consumer groups at scale: creates N groups with committed offsets over M topics (default 500
 * groups over 50 topics of 6 partitions), then times the console's groups list and a group detail
 * through its HTTP API (production build) and prints medians and the Kafka requests per answer.
 *
 *   npm run build && npx tsx bench/groups.ts [--groups 500] [--topics 50] [--runs 5] [--delete]
 */
import { Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP, ensureCluster, kcatConsume } from '../dev/kafka/local-cluster';
import { measure, numberArg, startServer } from './support';

const GROUPS = numberArg('groups', 500);
const TOPICS = numberArg('topics', 50);
const RUNS = numberArg('runs', 5);
const PORT = numberArg('port', 3187);

const topics = Array.from({ length: TOPICS }, (_, i) => `bench-gtopic-${String(i).padStart(3, '0')}`);
const groups = Array.from({ length: GROUPS }, (_, i) => `bench-group-${String(i).padStart(4, '0')}`);

async function setup(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: 6, replicationFactor: 1 })),
    });
  }
  // Topics left empty by an interrupted earlier run are filled too: the consumers below wait for messages.
  const empty = [...missing];
  for (const topic of topics.filter((t) => existing.has(t))) {
    const offsets = await admin.fetchTopicOffsets(topic);
    if (offsets.reduce((sum, o) => sum + Number(o.high), 0) < 60) empty.push(topic);
  }
  if (empty.length) {
    const producer = kafka.producer();
    await producer.connect();
    await producer.sendBatch({
      topicMessages: empty.map((topic) => ({
        topic,
        messages: Array.from({ length: 60 }, (_, i) => ({ value: `m${i}`, partition: i % 6 })),
      })),
    });
    await producer.disconnect();
  }
  const existingGroups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
  await admin.disconnect();
  // Real consumers make the groups: kcat (librdkafka) joins, reads some messages of two topics,
  // commits and leaves, a few at a time.
  const todo = groups.map((g, i) => ({ g, i })).filter(({ g }) => !existingGroups.has(g));
  const started = Date.now();
  let done = 0;
  const worker = async () => {
    for (let item = todo.shift(); item; item = todo.shift()) {
      const { g, i } = item;
      await kcatConsume(g, [topics[i % TOPICS]!, topics[(i * 7 + 3) % TOPICS]!], 10 + (i % 60));
      done += 1;
      if (done % 25 === 0) process.stdout.write(`\rcreated ${done} groups`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  if (done) console.log(`\rcreated ${done} groups in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  ensureCluster();
  const kafka = new Kafka({
    clientId: 'kafkascope-bench',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  await setup(kafka);
  const server = await startServer(PORT);
  try {
    console.log(
      `\n${GROUPS} groups over ${TOPICS} topics, 3 brokers, median of ${RUNS} runs, each a cache miss:`,
    );
    await measure(PORT, 'GET groups (page 1, by id)', '/api/clusters/local/groups?pageSize=50', RUNS);
    await measure(
      PORT,
      'GET groups (sorted by total lag)',
      '/api/clusters/local/groups?pageSize=50&sort=totalLag&dir=desc',
      RUNS,
    );
    await measure(
      PORT,
      'GET groups reading one topic',
      `/api/clusters/local/groups?topic=${topics[0]}`,
      RUNS,
    );
    await measure(PORT, 'GET one group', `/api/clusters/local/groups/${groups[0]}`, RUNS);
  } finally {
    server.kill();
  }
  if (process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    for (let i = 0; i < groups.length; i += 100)
      await admin.deleteGroups(groups.slice(i, i + 100)).catch(() => undefined);
    await admin.deleteTopics({ topics, timeout: 60_000 });
    await admin.disconnect();
    console.log('deleted the bench groups and topics');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
