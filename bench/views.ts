/**
 * The console's server time per view, as ops users judge it: builds a production-like shape on the
 * local cluster (default 2,000 topics x 6 partitions at replication factor 3, 500 consumer groups
 * over 50 topics of which 20 have running members, a topic of 1,000,000 messages), then times every
 * view through the HTTP API of the production server: cold (the first call on a freshly started
 * server) and warm (median of --runs, each after the server's 2 s shared cache expired), with the
 * Kafka requests of each answer. The 1M search is set beside `kcat -C -e | grep` for the same
 * record (median of --kcat-runs). With --growth it also prints how one topic, the topics list,
 * brokers, one group and the groups list grow with 500 to 5,000 topics and 100 to 1,000 groups.
 *
 * With --apps DIR1,DIR2 (each a checkout with a production build) the apps are measured interleaved,
 * one server at a time on --port, and the table has a column per app and the ratio last/first.
 *
 *   npx tsx bench/views.ts [--topics 2000] [--partitions 6] [--rf 3] [--groups 500] [--group-topics 50]
 *     [--running 20] [--members 1] [--messages 1000000] [--runs 5] [--cold-runs 3] [--kcat-runs 3]
 *     [--growth | --growth-only] [--growth-topics 500,1000,2000,5000] [--growth-groups 100,500,1000]
 *     [--extra-partitions 3] [--extra-rf 1] [--apps DIR1,DIR2] [--labels before,after] [--port 3288]
 *     [--delete]
 *
 * Topics and groups named bench-views-* are reused between runs; --delete removes them at the end.
 * Growth rows start small: a --growth run first deletes the bench topics and groups beyond the
 * smallest row, then creates more between rows, and leaves the default shape behind.
 *
 * Shape limits (this machine: `ulimit -n` 20,000, vm.max_map_count 65,530): a broker keeps one file
 * open per partition replica (its active segment) and maps two index files per replica. With RF 3 on
 * 3 brokers every broker holds every partition: the default shape is about 12,400 replicas a broker
 * (12,600 files, 25,000 maps); 5,000 topics x 6 at RF 3 would be 30,000 and kill the brokers, so the
 * topics past --topics (the 5,000 row) are --extra-partitions x --extra-rf (default 3 partitions at
 * RF 1: 3,000 more replicas a broker). Every growth row prints the shape it used and the most files
 * and maps a broker held. The default shape also needs ~600 MB of old generation a broker: start the
 * cluster with KAFKA_NODE_HEAP=1536m (dev/kafka/cluster.sh); with its default 512m the brokers spend
 * their time in full GCs and the controllers keep changing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { BOOTSTRAP, ensureCluster, kcatConsume } from '../dev/kafka/local-cluster';
import { fillTopic, kafkaRequestsSent, median, numberArg, startServer, stopServer } from './support';
import { memoryFigures, type MemoryRow } from './memory';
import { pageTimes, type PageSpec, type PageTime } from './pages';
import { printTable, type Row, type Section } from './table';

const exec = promisify(execFile);
const TOPICS = numberArg('topics', 2000);
const PARTITIONS = numberArg('partitions', 6);
const RF = numberArg('rf', 3);
const GROUPS = numberArg('groups', 500);
const GROUP_TOPICS = numberArg('group-topics', 50);
// Groups with live members: kcat (librdkafka) consumers that stay joined, each sending a Fetch to
// every broker twice a second when idle (fetch.wait.max.ms 500) and a heartbeat every 3 s. Twenty
// of them cost a few percent of one core and ~10 MB each, which a 2-core machine running the
// brokers, the console and the bench sustains without shifting the figures; hundreds would not.
const RUNNING = numberArg('running', 20);
const MEMBERS = numberArg('members', 1);
const MESSAGES = numberArg('messages', 1_000_000);
const RUNS = numberArg('runs', 5);
const COLD_RUNS = numberArg('cold-runs', 3);
const KCAT_RUNS = numberArg('kcat-runs', 3);
const PORT = numberArg('port', 3288);
const GROWTH = process.argv.includes('--growth') || process.argv.includes('--growth-only');
/** Only the growth rows: the views, kcat and later blocks are left out (the shape is still restored). */
const GROWTH_ONLY = process.argv.includes('--growth-only');
const EXTRA_PARTITIONS = numberArg('extra-partitions', 3);
const EXTRA_RF = numberArg('extra-rf', 1);
const DELETE = process.argv.includes('--delete');

function listArg(name: string): string[] | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]!.split(',').filter(Boolean) : undefined;
}
const GROWTH_TOPICS = (listArg('growth-topics') ?? ['500', '1000', '2000', '5000']).map(Number);
const GROWTH_GROUPS = (listArg('growth-groups') ?? ['100', '500', '1000']).map(Number);
const APPS = (listArg('apps') ?? [process.cwd()]).map((dir) => path.resolve(dir));
const LABELS = listArg('labels') ?? (APPS.length === 1 ? ['console'] : APPS.map((dir) => path.basename(dir)));
if (LABELS.length !== APPS.length) throw new Error(`--labels needs one label per app (${APPS.length})`);

const pad = (i: number, n: number) => String(i).padStart(n, '0');
const topicName = (i: number) => `bench-views-topic-${pad(i, 5)}`;
const extraName = (i: number) => `bench-views-extra-${pad(i, 5)}`;
const groupTopicName = (i: number) => `bench-views-gtopic-${pad(i, 3)}`;
const groupName = (i: number) => `bench-views-group-${pad(i, 4)}`;
const SCAN_TOPIC = `bench-views-scan-${MESSAGES}`;
/** The record the search looks for: near the end of its partition, so the whole topic is read. */
const TARGET_ID = MESSAGES - 3;
const TARGET_TEXT = `"id":${TARGET_ID},`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = (n: number) => n.toLocaleString('en-US');
const CACHE_EXPIRED_MS = 2_100;
/** One line of progress, rewritten in place on a terminal and left out of a log file. */
const progress = (text: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r${text.slice(0, 100).padEnd(100)}`);
};

/** Retries what a just-created topic can refuse for a moment (metadata not yet on every broker). */
async function retry<T>(fn: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await fn();
    } catch (error) {
      // kafkajs gives up on a retriable error with a non-retriable one that has it as its cause.
      const e = error as { retriable?: boolean; cause?: { retriable?: boolean } };
      if (tries >= 30 || !(e.retriable || e.cause?.retriable)) throw error;
      await sleep(500);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The cluster shape
// ---------------------------------------------------------------------------------------------

const homeDir = process.env.KAFKA_HOME_DIR ?? path.resolve(__dirname, '../.kafka');

/** The most open files and memory maps any broker of the local cluster holds (null if unreadable). */
function brokerHandles(): { files: number; maps: number } | null {
  try {
    let files = 0;
    let maps = 0;
    for (const node of [1, 2, 3]) {
      const pid = readFileSync(path.join(homeDir, `run/node-${node}.pid`), 'utf8').trim();
      files = Math.max(files, readdirSync(`/proc/${pid}/fd`).length);
      maps = Math.max(maps, readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n').length - 1);
    }
    return { files, maps };
  } catch {
    return null;
  }
}

function handlesText(): string {
  const h = brokerHandles();
  return h ? `broker max ${count(h.files)} files, ${count(h.maps)} maps` : 'broker handles unknown';
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  for (let i = 0; i < topics.length; i += 500) {
    const batch = topics.slice(i, i + 500);
    for (let tries = 0; ; tries++) {
      const ready = await admin
        .fetchTopicMetadata({ topics: batch })
        .then((m) =>
          m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)),
        )
        .catch(() => false);
      if (ready) break;
      if (tries > 240) throw new Error('partitions still without a leader after 2 minutes');
      await sleep(500);
    }
  }
}

/** Creates the topics of `names` that do not exist yet, 200 per request, and waits for their leaders. */
async function createTopics(kafka: Kafka, names: string[], partitions: number, rf: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((n) => !existing.has(n));
    if (!missing.length) return;
    const started = Date.now();
    for (let i = 0; i < missing.length; i += 200) {
      await admin.createTopics({
        timeout: 120_000,
        waitForLeaders: false,
        topics: missing
          .slice(i, i + 200)
          .map((topic) => ({ topic, numPartitions: partitions, replicationFactor: rf })),
      });
      progress(`created ${Math.min(i + 200, missing.length)}/${missing.length} topics`);
    }
    await waitForLeaders(admin, missing);
    console.log(
      `\rcreated ${missing.length} topics (${partitions} partitions, RF ${rf}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // A message in every 10th topic, so counts and sizes are not all zero.
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const some = missing.filter((t) => /^bench-views-(topic|extra)-\d*0$/.test(t));
    for (let i = 0; i < some.length; i += 500) {
      const topicMessages = some
        .slice(i, i + 500)
        .map((topic) => ({ topic, messages: [{ value: 'x'.repeat(200) }] }));
      await retry(() => producer.sendBatch({ topicMessages }));
    }
    await producer.disconnect();
  } finally {
    await admin.disconnect();
  }
}

/** Files the local brokers still hold open in the directories of deleted topics (null if unreadable). */
function deletedFilesOpen(): number | null {
  try {
    let open = 0;
    for (const node of [1, 2, 3]) {
      const pid = readFileSync(path.join(homeDir, `run/node-${node}.pid`), 'utf8').trim();
      for (const fd of readdirSync(`/proc/${pid}/fd`))
        if (/-delete\//.test(readlinkSafe(`/proc/${pid}/fd/${fd}`))) open += 1;
    }
    return open;
  } catch {
    return null;
  }
}

const readlinkSafe = (file: string) => {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
};

/**
 * Deletes the topics of `names` that exist. Brokers close and remove a deleted topic's files only
 * after file.delete.delay.ms (60 s) and their next clean-up: with `settle`, wait until they did
 * (or 65 s when their files cannot be read), so the next figures, and the brokers' open files, are
 * not those of a cluster still deleting.
 */
async function deleteTopics(kafka: Kafka, names: string[], settle = false): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = names.filter((n) => existing.has(n));
    for (let i = 0; i < present.length; i += 500)
      await admin.deleteTopics({ topics: present.slice(i, i + 500), timeout: 120_000 });
    if (present.length) console.log(`deleted ${present.length} topics`);
    if (present.length && settle) {
      const waited = Date.now();
      if (deletedFilesOpen() === null) await sleep(65_000);
      else
        for (let open = deletedFilesOpen() ?? 0; open > 0 && Date.now() - waited < 180_000;) {
          progress(`waiting for the brokers to close the deleted topics' files (${open} open)`);
          await sleep(2_000);
          open = deletedFilesOpen() ?? 0;
        }
      console.log(
        `\rwaited ${((Date.now() - waited) / 1000).toFixed(0)} s for the brokers to close the deleted topics' files`,
      );
    }
  } finally {
    await admin.disconnect();
  }
}

/** Bench topics that exist, and a warning when they were made with another shape than asked. */
async function existingTopics(admin: Admin, prefix: string, partitions: number, rf: number) {
  const names = (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort();
  if (names.length) {
    const { topics } = await admin.fetchTopicMetadata({ topics: [names[0]!] });
    const p = topics[0]!.partitions;
    if (p.length !== partitions || p[0]!.replicas.length !== rf)
      console.warn(
        `warning: ${names[0]} has ${p.length} partitions at RF ${p[0]!.replicas.length}, not ${partitions} at RF ${rf} (--delete first to rebuild)`,
      );
  }
  return names;
}

/** The group topics, each with 60 messages, so groups have something to read and lag behind. */
async function ensureGroupTopics(kafka: Kafka): Promise<void> {
  const topics = range(GROUP_TOPICS).map(groupTopicName);
  await createTopics(kafka, topics, 6, RF);
  const admin = kafka.admin();
  await admin.connect();
  const empty: string[] = [];
  for (const topic of topics) {
    const offsets = await retry(() => admin.fetchTopicOffsets(topic));
    if (offsets.reduce((sum, o) => sum + Number(o.high), 0) < 60) empty.push(topic);
  }
  await admin.disconnect();
  if (!empty.length) return;
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const topicMessages = empty.map((topic) => ({
    topic,
    messages: Array.from({ length: 60 }, (_, i) => ({ value: `m${i}`, partition: i % 6 })),
  }));
  await retry(() => producer.sendBatch({ topicMessages }));
  await producer.disconnect();
}

const groupTopicsOf = (i: number) => [
  ...new Set([groupTopicName(i % GROUP_TOPICS), groupTopicName((i * 7 + 3) % GROUP_TOPICS)]),
];

/**
 * Groups 0..n-1 exist: each made by a real consumer (kcat) that joins, reads some messages of two
 * topics, commits and leaves, six at a time.
 */
async function ensureGroups(kafka: Kafka, n: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set((await retry(() => admin.listGroups())).groups.map((g) => g.groupId));
  await admin.disconnect();
  const todo = range(n).filter((i) => !existing.has(groupName(i)));
  if (!todo.length) return;
  const started = Date.now();
  let done = 0;
  const worker = async () => {
    for (let i = todo.shift(); i !== undefined; i = todo.shift()) {
      await kcatConsume(groupName(i), groupTopicsOf(i), 10 + (i % 60));
      done += 1;
      if (done % 25 === 0) progress(`created ${done} groups`);
    }
  };
  await Promise.all(range(6).map(worker));
  console.log(`\rcreated ${done} groups in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function deleteGroups(kafka: Kafka, names: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set((await retry(() => admin.listGroups())).groups.map((g) => g.groupId));
  const present = names.filter((g) => existing.has(g));
  for (let i = 0; i < present.length; i += 100)
    await admin.deleteGroups(present.slice(i, i + 100)).catch(() => undefined);
  await admin.disconnect();
  if (present.length) console.log(`deleted ${present.length} groups`);
}

/** What this bench started and stops when it ends, however it ends: the members, the server. */
const running: ChildProcess[] = [];
process.on('exit', () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill();
});
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

/** Starts the members of groups 0..RUNNING-1 (kcat balanced consumers that stay) and waits until they are Stable. */
async function startMembers(kafka: Kafka): Promise<void> {
  const groups = range(RUNNING).map(groupName);
  for (const i of range(RUNNING))
    for (const _ of range(MEMBERS)) {
      const child = spawn(
        'kcat',
        [
          '-b',
          BOOTSTRAP,
          '-G',
          groupName(i),
          ...groupTopicsOf(i),
          '-q',
          '-X',
          'auto.offset.reset=earliest',
          '-X',
          'auto.commit.interval.ms=1000',
        ],
        { stdio: ['ignore', 'ignore', 'ignore'] },
      );
      running.push(child);
    }
  if (!groups.length) return;
  const admin = kafka.admin();
  await admin.connect();
  const started = Date.now();
  for (;;) {
    const { groups: described } = await retry(() => admin.describeGroups(groups));
    if (described.every((g) => g.state === 'Stable' && g.members.length >= MEMBERS)) break;
    if (Date.now() - started > 120_000) throw new Error('running groups not Stable after 2 minutes');
    await sleep(500);
  }
  await admin.disconnect();
  console.log(
    `${RUNNING} groups with ${MEMBERS} running member(s) each, stable after ${Date.now() - started} ms`,
  );
}

/** The search topic: MESSAGES JSON messages of ~200 bytes over 6 partitions (as bench/scan.ts fills it). */
async function fillScanTopic(kafka: Kafka): Promise<void> {
  await createTopics(kafka, [SCAN_TOPIC], 6, RF);
  await fillTopic(kafka, { topic: SCAN_TOPIC, messages: MESSAGES, partitions: 6 });
}

/** Topics and partitions in the whole cluster (internal topics included), as the console sees them. */
async function clusterTopics(kafka: Kafka): Promise<{ short: string; replicas: number }> {
  const admin = kafka.admin();
  await admin.connect();
  const names = await admin.listTopics();
  const { topics } = await admin.fetchTopicMetadata({ topics: names });
  await admin.disconnect();
  const partitions = topics.reduce((s, t) => s + t.partitions.length, 0);
  const replicas = topics.reduce((s, t) => s + t.partitions.reduce((r, p) => r + p.replicas.length, 0), 0);
  return { short: `${count(names.length)} topics, ${count(partitions)} partitions`, replicas };
}

/** What each shape was, with the most files and maps a broker held on it: printed above the table. */
const notes: string[] = [];
async function noteShape(kafka: Kafka, what: string, row: string): Promise<void> {
  const { short, replicas } = await clusterTopics(kafka);
  const line = `${what}: ${row}; cluster ${short}, ${count(replicas)} replicas; ${handlesText()}`;
  console.log(line);
  notes.push(line);
}

// ---------------------------------------------------------------------------------------------
// Measuring through the console's HTTP API
// ---------------------------------------------------------------------------------------------

export interface Sample {
  ms: number;
  requests: number;
}

interface View {
  name: string;
  shape: string;
  call: (port: number) => Promise<Sample>;
  /** A cheap call that loads the view's route and connections without reading all the view reads. */
  warmUp?: (port: number) => Promise<unknown>;
  /**
   * Reads groups: its first call starts the server's lag sampler, which then reads every group's
   * lag in the background. Such views are warmed up and measured after the others in each round,
   * so the others (the search's request count above all) are measured without it, as on a console
   * where nobody opened a groups page yet.
   */
  startsSampler?: boolean;
}

const api = (p: string) => `/api/clusters/local${p}`;

async function get(port: number, p: string): Promise<Sample & { body: string }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}${p}`);
  const body = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${p}: ${response.status} ${body.slice(0, 500)}`);
  return { ms, requests: Number(response.headers.get('x-kafka-requests')), body };
}

/** Every page of a list at the largest page size the API allows, one after the other. */
async function allPages(port: number, p: string): Promise<Sample> {
  const total: Sample = { ms: 0, requests: 0 };
  for (let page = 1; ; page++) {
    const r = await get(port, `${p}${p.includes('?') ? '&' : '?'}pageSize=500&page=${page}`);
    total.ms += r.ms;
    total.requests += r.requests;
    if (page * 500 >= (JSON.parse(r.body) as { total: number }).total) return total;
  }
}

/**
 * A search as the browser runs it (an event stream) until its `done` event. Its Kafka requests come
 * from the server's metrics, as the stream's header is sent before it reads: the difference over
 * the search, less what one scrape costs (each runs a readiness check, shared for 1 s).
 */
async function search(port: number, params: Record<string, string>): Promise<Sample & { matched: number }> {
  const before = await kafkaRequestsSent(port);
  const started = performance.now();
  const url = `http://127.0.0.1:${port}${api(`/topics/${SCAN_TOPIC}/search`)}?${new URLSearchParams(params)}`;
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`search: ${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  let done: { matched: number; reason: string } | null = null;
  const reader = response.body.getReader();
  while (!done) {
    const { done: ended, value } = await reader.read();
    if (ended) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.+)$/m.exec(frame)?.[1];
      if (event === 'done') done = JSON.parse(/^data: (.+)$/m.exec(frame)![1]!);
      if (event === 'error') throw new Error(`search: ${frame}`);
    }
  }
  const ms = performance.now() - started;
  await reader.cancel().catch(() => undefined);
  if (!done) throw new Error('search: the stream ended without its done event');
  await sleep(Math.max(0, 1_100 - ms));
  const after = await kafkaRequestsSent(port);
  await sleep(1_100);
  const idle = (await kafkaRequestsSent(port)) - after;
  return { ms, requests: after - before - idle, matched: done.matched };
}

async function searchTarget(port: number): Promise<Sample> {
  const r = await search(port, { q: TARGET_TEXT });
  if (r.matched !== 1) throw new Error(`search for ${TARGET_TEXT} matched ${r.matched} records, not 1`);
  return r;
}

/** Time to data on screen of the five main pages of this shape in Chromium, per app (bench/pages.ts). */
async function pageRows(context: BenchContext): Promise<Row[]> {
  const base = '/clusters/local';
  const pages: PageSpec[] = [
    {
      label: 'overview',
      path: base,
      ready: ['[data-testid="cluster-health"]', '[data-testid="broker-row"]'],
    },
    { label: 'topics', path: `${base}/topics`, ready: ['[data-testid="topic-row"] a'] },
    {
      label: 'one topic',
      path: `${base}/topics/${context.names.topic}`,
      ready: ['[data-testid="partition-row"]'],
    },
    { label: 'groups', path: `${base}/groups`, ready: ['[data-testid="group-row"] a'] },
    {
      label: 'one group',
      path: `${base}/groups/${context.names.group}`,
      ready: ['[data-testid="group-partition-row"]'],
    },
  ];
  const times: PageTime[][] = [];
  for (const app of context.apps)
    times.push(await context.withServer(app, (port) => pageTimes(`http://127.0.0.1:${port}`, pages, RUNS)));
  return pages.flatMap((page, i) =>
    (['coldMs', 'medianMs'] as const).map((which) => ({
      view: `${page.label} page (${which === 'coldMs' ? 'first visit' : 'warm'})`,
      shape: context.shapes.topics,
      values: times.map((t) => t[i]![which]),
      unit: 'ms',
    })),
  );
}

/** Server memory of each app: at rest on a fresh start, at its peak during the 1M search, a minute after. */
async function memoryRows(context: BenchContext): Promise<Row[]> {
  const figures: MemoryRow[][] = [];
  for (const app of context.apps)
    figures.push(
      await context.withServer(app, (port) =>
        memoryFigures(port, context.names.scanTopic, { q: context.names.searchText }),
      ),
    );
  return figures[0]!.map((first, i) => ({
    view: first.label,
    shape: context.shapes.scan,
    values: figures.map((f) => f[i]!.mb),
    unit: 'MiB',
  }));
}

export interface App {
  dir: string;
  label: string;
}

/** The bench-views-* names of the shape. */
const names = {
  topic: topicName(0),
  groupTopic: groupTopicName(0),
  group: groupName(0),
  scanTopic: SCAN_TOPIC,
  /** The text of the one record the search looks for. */
  searchText: TARGET_TEXT,
};

/** What a module adding rows to this table gets: the apps, how to run each, the shape's names. */
export interface BenchContext {
  apps: App[];
  port: number;
  /** Starts the app's production server on `port`, runs `fn`, stops it; one server at a time. */
  withServer: <T>(app: App, fn: (port: number, server: ChildProcess) => Promise<T>) => Promise<T>;
  shapes: { topics: string; groups: string; scan: string };
  names: typeof names;
  /** The 1M search of the table (time to `done`), and any other search of that topic. */
  searchTarget: (port: number) => Promise<Sample>;
  search: (port: number, params: Record<string, string>) => Promise<Sample & { matched: number }>;
}
const apps: App[] = APPS.map((dir, i) => ({ dir, label: LABELS[i]! }));

/** Starts `app` on PORT, runs `fn`, and stops it cleanly before anything else starts on that port. */
async function withServer<T>(app: App, fn: (port: number, server: ChildProcess) => Promise<T>): Promise<T> {
  const server = await startServer(PORT, app.dir);
  running.push(server);
  try {
    return await fn(PORT, server);
  } finally {
    await stopServer(server);
    running.splice(running.indexOf(server), 1);
  }
}

/**
 * Cold: each view's first call on a freshly started server (median of `coldRuns` starts); warm: the
 * median of `runs` calls, each after the shared cache expired. The apps take turns, for every cold
 * sample and every warm round, so that machine noise falls on all of them alike.
 */
async function measureViews(views: View[], coldRuns: number, runs: number): Promise<Row[]> {
  const cold = views.map(() => apps.map(() => [] as Sample[]));
  const warm = views.map(() => apps.map(() => [] as Sample[]));
  // Every other turn the other app goes first, so neither always runs after the other.
  const turn = (i: number) => [...apps.entries()].sort(([a], [b]) => (i % 2 ? b - a : a - b));
  for (let c = 0; c < coldRuns; c++)
    for (const [v, view] of views.entries())
      for (const [a, app] of turn(c * views.length + v)) {
        cold[v]![a]!.push(await withServer(app, (port) => view.call(port)));
        progress(`cold ${c + 1}/${coldRuns} ${app.label}: ${view.name}`);
      }
  for (let r = 0; r < runs; r++)
    for (const [a, app] of turn(r))
      await withServer(app, async (port) => {
        for (const late of [false, true]) {
          const phase = [...views.entries()].filter(([, view]) => !!view.startsSampler === late);
          // Routes loaded and connections open; not counted.
          for (const [, view] of phase) await (view.warmUp ?? view.call)(port);
          for (const [v, view] of phase) {
            await sleep(CACHE_EXPIRED_MS);
            warm[v]![a]!.push(await view.call(port));
            progress(`warm ${r + 1}/${runs} ${app.label}: ${view.name}`);
          }
        }
      });
  progress('');
  if (process.stdout.isTTY) process.stdout.write('\r');
  const rows: Row[] = [];
  const row = (view: View, kind: string, samples: Sample[][]): Row => ({
    view: `${view.name}${kind}`,
    shape: view.shape,
    values: samples.map((s) => (s.length ? median(s.map((x) => x.ms)) : null)),
    unit: 'ms',
    requests: samples.map((s) => (s.length ? median(s.map((x) => x.requests)) : null)),
  });
  for (const [v, view] of views.entries()) {
    if (coldRuns) rows.push(row(view, ' (cold)', cold[v]!));
    if (runs) rows.push(row(view, ' (warm)', warm[v]!));
  }
  return rows;
}

/** `kcat -C -e -o beginning | grep` for the record the search finds: median of `runs`. */
async function kcatSearch(runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const { stdout } = await exec(
      'sh',
      ['-c', `kcat -C -b ${BOOTSTRAP} -t ${SCAN_TOPIC} -o beginning -e -q | grep -F -c '${TARGET_TEXT}'`],
      { maxBuffer: 1024 },
    );
    times.push(performance.now() - started);
    if (stdout.trim() !== '1') throw new Error(`kcat | grep found ${stdout.trim()} records, not 1`);
  }
  return median(times);
}

// ---------------------------------------------------------------------------------------------
// The views
// ---------------------------------------------------------------------------------------------

function mainViews(shapes: BenchContext['shapes']): View[] {
  const { topics: topicShape, groups: groupShape, scan: scanShape } = shapes;
  const g = (name: string, p: string): View => ({
    name,
    shape: topicShape,
    call: (port) => get(port, api(p)),
  });
  return [
    g('cluster overview', '/overview'),
    g('brokers', '/brokers'),
    g('topics list, page 1 (50)', '/topics?pageSize=50'),
    {
      name: 'topics list, all pages (500 each)',
      shape: topicShape,
      call: (port) => allPages(port, api('/topics')),
    },
    g('one topic', `/topics/${topicName(0)}`),
    {
      ...g('groups list with lag, page 1 (50)', '/groups?pageSize=50'),
      shape: groupShape,
      startsSampler: true,
    },
    {
      ...g('groups of one topic', `/groups?topic=${groupTopicName(0)}`),
      shape: groupShape,
      startsSampler: true,
    },
    {
      ...g('one group, lag per partition', `/groups/${groupName(0)}`),
      shape: groupShape,
      startsSampler: true,
    },
    {
      name: 'search 1M topic for one record (to done)',
      shape: scanShape,
      call: searchTarget,
      warmUp: (port) => search(port, { q: 'placed', limit: '1' }),
    },
  ];
}

function topicGrowthViews(shape: string): View[] {
  return [
    { name: 'one topic', shape, call: (port) => get(port, api(`/topics/${topicName(0)}`)) },
    { name: 'topics list, page 1 (50)', shape, call: (port) => get(port, api('/topics?pageSize=50')) },
    { name: 'brokers', shape, call: (port) => get(port, api('/brokers')) },
  ];
}

function groupGrowthViews(shape: string): View[] {
  return [
    { name: 'one group', shape, call: (port) => get(port, api(`/groups/${groupName(0)}`)) },
    { name: 'groups list, page 1 (50)', shape, call: (port) => get(port, api('/groups?pageSize=50')) },
  ];
}

/** Rows of how views grow with the topics and groups of the cluster, built up between rows. */
async function growthRows(kafka: Kafka): Promise<(Row | Section)[]> {
  const rows: (Row | Section)[] = [{ section: 'growth (warm medians)' }];
  const mainTopics = range(TOPICS).map(topicName);
  const smallestTopics = Math.min(...GROWTH_TOPICS);
  const smallestGroups = Math.min(...GROWTH_GROUPS);
  // Start small: what lies beyond the smallest rows goes, and comes back row by row.
  await deleteTopics(kafka, [...mainTopics.slice(smallestTopics), ...range(10_000).map(extraName)], true);
  await deleteGroups(kafka, range(10_000).slice(Math.max(smallestGroups, RUNNING)).map(groupName));
  for (const level of [...GROWTH_TOPICS].sort((a, b) => a - b)) {
    const main = Math.min(level, TOPICS);
    const extra = level - main;
    await createTopics(kafka, mainTopics.slice(0, main), PARTITIONS, RF);
    if (extra > 0) await createTopics(kafka, range(extra).map(extraName), EXTRA_PARTITIONS, EXTRA_RF);
    const shape =
      `${count(main)} x ${PARTITIONS} RF ${RF}` +
      (extra > 0 ? ` + ${count(extra)} x ${EXTRA_PARTITIONS} RF ${EXTRA_RF}` : '');
    await noteShape(kafka, `growth, ${count(level)} bench topics`, shape);
    rows.push(...(await measureViews(topicGrowthViews(shape), 0, RUNS)));
  }
  await deleteTopics(kafka, range(10_000).map(extraName), true);
  for (const level of [...GROWTH_GROUPS].sort((a, b) => a - b)) {
    await ensureGroups(kafka, level);
    const shape = `${count(level)} groups (${RUNNING} running) over ${GROUP_TOPICS} topics`;
    await noteShape(kafka, 'growth', shape);
    rows.push(...(await measureViews(groupGrowthViews(shape), 0, RUNS)));
  }
  await deleteGroups(kafka, range(10_000).slice(Math.max(GROUPS, RUNNING)).map(groupName));
  return rows;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  ensureCluster();
  const kafka = new Kafka({
    clientId: 'kafkascope-bench',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  await existingTopics(admin, 'bench-views-topic-', PARTITIONS, RF);
  await existingTopics(admin, 'bench-views-gtopic-', 6, RF);
  await admin.disconnect();

  await ensureGroupTopics(kafka);
  await fillScanTopic(kafka);
  await startMembers(kafka);

  const growth = GROWTH ? await growthRows(kafka) : [];

  await createTopics(kafka, range(TOPICS).map(topicName), PARTITIONS, RF);
  await ensureGroups(kafka, GROUPS);
  const shapes = {
    topics: `${count(TOPICS)} x ${PARTITIONS} RF ${RF} (${(await clusterTopics(kafka)).short})`,
    groups: `${count(GROUPS)} groups, ${RUNNING} with ${MEMBERS} member(s), over ${GROUP_TOPICS} topics`,
    scan: `${count(MESSAGES)} msgs ~200 B, 6 partitions RF ${RF}`,
  };
  await noteShape(kafka, 'views', `${shapes.topics}; ${shapes.groups}; ${shapes.scan}`);
  console.log(
    `setup done in ${((Date.now() - started) / 1000).toFixed(0)} s; measuring ${apps.map((a) => `${a.label}=${a.dir}`).join(', ')}`,
  );

  const rows: (Row | Section)[] = [];
  if (!GROWTH_ONLY) {
    rows.push({
      section: `views (cold: median of ${COLD_RUNS} fresh starts; warm: median of ${RUNS}, cache expired)`,
    });
    const measured = await measureViews(mainViews(shapes), COLD_RUNS, RUNS);
    rows.push(...measured);
    const kcatMs = await kcatSearch(KCAT_RUNS);
    const searchWarm = measured.find((r) => r.view.startsWith('search') && r.view.endsWith('(warm)'));
    rows.push(
      {
        view: `kcat -C -e | grep, same record (median of ${KCAT_RUNS})`,
        shape: shapes.scan,
        values: apps.map(() => kcatMs),
        unit: 'ms',
      },
      {
        view: 'search (warm) / kcat',
        shape: shapes.scan,
        values: searchWarm?.values.map((v) => (v === null ? null : v / kcatMs)) ?? apps.map(() => null),
        unit: 'x',
      },
    );

    // -------------------------------------------------------------------------------------------
    // LATER BLOCKS: figures measured by other modules on the same apps and shape, as rows of this
    // table; each block is one call `(context) => Promise<Row[]>`. To be added:
    //   { section: 'browser: navigation to data, per page', rows: pageRows }            from bench/pages.ts
    //   { section: 'server memory: at rest, around the 1M search', rows: memoryRows }   from bench/memory.ts
    // -------------------------------------------------------------------------------------------
    const context: BenchContext = { apps, port: PORT, withServer, shapes, names, searchTarget, search };
    const laterBlocks: { section: string; rows: (context: BenchContext) => Promise<Row[]> }[] = [
      { section: 'browser: navigation start to data on screen (Chromium, production build)', rows: pageRows },
      { section: 'server memory: at rest, around the 1M search', rows: memoryRows },
    ];
    for (const block of laterBlocks) rows.push({ section: block.section }, ...(await block.rows(context)));
  }

  rows.push(...growth);

  console.log(
    `\nKafkascope server time per view; 3 brokers (KAFKA_PORT_OFFSET=${process.env.KAFKA_PORT_OFFSET ?? 0}), apps: ${apps.map((a) => `${a.label} = ${a.dir}`).join(', ')}\n`,
  );
  for (const note of notes) console.log(note);
  console.log();
  printTable(
    apps.map((a) => a.label),
    rows,
  );
  console.log(`\nwhole run ${((Date.now() - started) / 60_000).toFixed(1)} min`);

  for (const child of running) child.kill();
  if (DELETE) {
    await sleep(1_000);
    await deleteGroups(kafka, range(Math.max(GROUPS, ...GROWTH_GROUPS)).map(groupName));
    await deleteTopics(kafka, [
      ...range(TOPICS).map(topicName),
      ...range(10_000).map(extraName),
      ...range(GROUP_TOPICS).map(groupTopicName),
      SCAN_TOPIC,
    ]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
