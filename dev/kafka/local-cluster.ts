/**
 * Node-side handle on the local cluster of dev/kafka: used by test setups, the seed and benchmarks.
 * Starting is idempotent; `ensureCluster` reports whether it started the cluster so the caller
 * stops only what it started.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

export function ensureCluster(): { startedHere: boolean } {
  if (clusterIsUp()) return { startedHere: false };
  execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
  return { startedHere: true };
}

export function stopCluster(): void {
  execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
}

export async function stopNode(id: number): Promise<void> {
  await run('bash', [script, 'stop-node', String(id)]);
}

export async function startNode(id: number): Promise<void> {
  await run('bash', [script, 'start-node', String(id)], { timeout: 120_000 });
}

/** Runs one of Kafka's own command-line tools (e.g. `kafka-topics`) and returns its stdout: a test oracle. */
export async function kafkaCli(tool: string, args: string[]): Promise<string> {
  const { stdout } = await run('bash', [cli, tool, ...args], {
    timeout: 90_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
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
