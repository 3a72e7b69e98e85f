/**
 * Node-side handle on the local cluster of dev/kafka: used by test setups, the seed and benchmarks.
 * Starting is idempotent; `ensureCluster` reports whether it started the cluster so the caller
 * stops only what it started.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'dev/kafka/cluster.sh');
const cli = path.join(root, 'dev/kafka/kafka-cli.sh');

/** Added to every port by dev/kafka/cluster.sh, so that a second cluster can run beside the first. */
export const PORT_OFFSET = Number(process.env.KAFKA_PORT_OFFSET ?? 0) || 0;
export const BROKER_PORTS = [9092, 9093, 9094].map((port) => port + PORT_OFFSET);
export const BOOTSTRAP = BROKER_PORTS.map((port) => `127.0.0.1:${port}`).join(',');
const homeDir = process.env.KAFKA_HOME_DIR ?? path.join(root, '.kafka');

/** Dev users, ports and certificate files of the secure listeners (written by cluster.sh at start). */
export interface DevCredentials {
  username: string;
  password: string;
  keyPassphrase: string;
  ports: { plaintext: number[]; saslPlaintext: number[]; ssl: number[]; saslSsl: number[] };
  files: { ca: string; otherCa: string; clientCert: string; clientKey: string; clientEncryptedKey: string };
}

export function devCredentials(): DevCredentials {
  const file = path.join(homeDir, 'run/secure/credentials.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevCredentials;
  } catch (error) {
    throw new Error(
      `No ${file}: the local cluster runs without its secure listeners (started in ZooKeeper mode, or before ` +
        `they existed). Restart it: dev/kafka/cluster.sh stop && dev/kafka/cluster.sh start`,
      { cause: error },
    );
  }
}

/** `127.0.0.1:p1,127.0.0.1:p2,…` for one listener's ports. */
export const bootstrapOf = (ports: number[]) => ports.map((port) => `127.0.0.1:${port}`).join(',');

export function clusterIsUp(): boolean {
  try {
    execFileSync('bash', [script, 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether any node of the cluster runs, e.g. while another test has one node stopped for a moment. */
function someNodeRuns(): boolean {
  try {
    execFileSync('bash', [script, 'status'], { encoding: 'utf8' });
    return true;
  } catch (error) {
    return /^node \d+: pid /m.test(String((error as { stdout?: string }).stdout ?? ''));
  }
}

export function ensureCluster(): { startedHere: boolean } {
  if (clusterIsUp()) return { startedHere: false };
  // A cluster with a node down is someone else's (a broker-down test restarts it soon): wait for it,
  // and never count it as started here, or stopping it afterwards would pull it from under them.
  if (someNodeRuns()) {
    for (let i = 0; i < 120 && !clusterIsUp(); i++) execFileSync('sleep', ['1']);
    if (!clusterIsUp()) execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
    return { startedHere: false };
  }
  execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
  return { startedHere: true };
}

export function stopCluster(): void {
  execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
}

export async function stopNode(id: number): Promise<void> {
  await run('bash', [script, 'stop-node', String(id)]);
}

/**
 * Starts node `id` again and waits until the cluster is as it was: every replica back in sync and
 * every partition led by its preferred replica. Kafka would move leaders back by itself within
 * leader.imbalance.check.interval.seconds; doing it here keeps group coordinators from moving under
 * whatever test runs next.
 */
export async function startNode(id: number): Promise<void> {
  await run('bash', [script, 'start-node', String(id)], { timeout: 120_000 });
  const bootstrap = BOOTSTRAP.split(',')[0]!;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const lagging = await kafkaCli('kafka-topics', [
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--under-replicated-partitions',
    ]).catch(() => 'unknown');
    if (lagging.trim() === '') break;
    if (Date.now() > deadline) throw new Error(`node ${id}: replicas still out of sync after 90 s`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  // Partitions already led by their preferred replica make the tool exit non-zero: not a failure.
  await kafkaCli('kafka-leader-election', [
    '--bootstrap-server',
    bootstrap,
    '--election-type',
    'preferred',
    '--all-topic-partitions',
  ]).catch(() => undefined);
}

/** Runs one of Kafka's own command-line tools (e.g. `kafka-topics`) and returns its stdout: a test oracle. */
export async function kafkaCli(tool: string, args: string[]): Promise<string> {
  const { stdout } = await run('bash', [cli, tool, ...args], {
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Starts one of Kafka's long-running console clients (e.g. kafka-console-share-consumer) in its own
 * process group, so that `stop()` stops its JVM too; its output is dropped.
 */
export function startKafkaClient(tool: string, args: string[]): { stop(): void } {
  const child = spawn('bash', [cli, tool, ...args], { detached: true, stdio: 'ignore' });
  return {
    stop: () => {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    },
  };
}

/** Consumes `count` messages of `topic` in consumer group `group` with kcat (librdkafka), an outside client. */
export async function kcatConsume(group: string, topic: string | string[], count: number): Promise<string[]> {
  const { stdout } = await run(
    'kcat',
    [
      '-b',
      BOOTSTRAP,
      '-G',
      group,
      ...[topic].flat(),
      '-c',
      String(count),
      '-q',
      '-X',
      'auto.offset.reset=earliest',
      '-X',
      'auto.commit.interval.ms=100',
    ],
    { timeout: 60_000 },
  );
  return stdout.split('\n').filter(Boolean);
}

/** Kafka's own view of a group's offsets and lag (kafka-consumer-groups --describe). */
export async function describeGroupWithKafkaTools(group: string) {
  const out = await kafkaCli('kafka-consumer-groups', [
    '--bootstrap-server',
    BOOTSTRAP.split(',')[0]!,
    '--describe',
    '--group',
    group,
  ]);
  return out
    .split('\n')
    .filter((line) => line.startsWith(`${group} `))
    .map((line) => {
      const [, topic, partition, current, end, lag, consumerId] = line.trim().split(/\s+/);
      const num = (v?: string) => (v === undefined || v === '-' ? null : Number(v));
      return {
        topic: topic!,
        partition: Number(partition),
        committed: num(current),
        logEnd: num(end),
        lag: num(lag),
        consumerId: consumerId === '-' ? null : consumerId!,
      };
    })
    .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
}

/**
 * Kafka's own view of how a topic's batches are stored (kafka-log-dirs to find each partition's
 * directory, then kafka-dump-log on its segments): offsets and codec per batch. Local cluster only,
 * as the segment files are read from disk.
 */
export async function dumpBatches(
  topic: string,
): Promise<{ partition: number; baseOffset: number; lastOffset: number; codec: string }[]> {
  const described = JSON.parse(
    (
      await kafkaCli('kafka-log-dirs', [
        '--bootstrap-server',
        BOOTSTRAP.split(',')[0]!,
        '--describe',
        '--topic-list',
        topic,
      ])
    )
      .trim()
      .split('\n')
      .at(-1)!,
  ) as { brokers: { logDirs: { logDir: string; partitions: { partition: string }[] }[] }[] };
  const dirs = described.brokers.flatMap((b) =>
    b.logDirs.flatMap((d) => d.partitions.map((p) => path.join(d.logDir, p.partition))),
  );
  const segments = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.log'))
      .map((f) => path.join(dir, f)),
  );
  const out = await kafkaCli('kafka-dump-log', ['--files', segments.join(',')]);
  const batches: { partition: number; baseOffset: number; lastOffset: number; codec: string }[] = [];
  let partition = -1;
  for (const line of out.split('\n')) {
    const file = /^Dumping .*-(\d+)\/\d+\.log$/.exec(line);
    if (file) partition = Number(file[1]);
    const batch = /baseOffset: (\d+) lastOffset: (\d+) .* compresscodec: (\w+)/.exec(line);
    if (batch)
      batches.push({
        partition,
        baseOffset: Number(batch[1]),
        lastOffset: Number(batch[2]),
        codec: batch[3]!.toLowerCase(),
      });
  }
  return batches;
}
