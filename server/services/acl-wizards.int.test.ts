import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyWizard, wizardBindings, type WizardInput } from '@/lib/acl/wizards';
import { AclBatchSchema, AclFilterSchema, bindingText } from '@/lib/schemas/acl';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { scramTestUser } from '@/test/scram-user';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { createAcls, deleteAcls, listAcls } from '@/server/services/acls';

/**
 * The transactional-producer and Kafka Streams wizards, proved with real clients: a SCRAM user of this
 * test (no super user) on the SASL listener runs Kafka's own transactional producer
 * (kafka-producer-perf-test --transactional-id) and a real Kafka Streams application
 * (dev/kafka/streams/StreamsAclApp.java: a word count with a repartition topic, a changelog and exactly-once),
 * first without bindings (refused), then with exactly the bindings the wizard builds, applied through the
 * service (they work). Kafka's CLI, as a super user, is the oracle of what was written.
 */
const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
const prefix = `it-aclw-${run}`;
const scram = scramTestUser(prefix);
const { principal, clientConfig } = scram;
const txTopic = `${prefix}-tx`;
const transactionalId = `${prefix}-txid`;
const appId = `${prefix}-app`;
const input = `${prefix}-in`;
const output = `${prefix}-out`;
const repo = path.resolve(__dirname, '../..');
const cli = path.join(repo, 'dev/kafka/kafka-cli.sh');
const saslBootstrap = () => scram.saslBootstrap;

const topicsArgs = (...args: string[]) =>
  kafkaCli('kafka-topics', ['--bootstrap-server', bootstrap, ...args]);

/** Kafka's own list of the principal's bindings, one text per binding as bindingText writes it. */
const aclsWithKafkaTools = () => scram.listAcls();

/** Applies a wizard's bindings through the service and waits until the brokers enforce them (kafka-acls lists them). */
async function applyWizard(wizard: Partial<WizardInput>): Promise<string[]> {
  const bindings = AclBatchSchema.parse({
    bindings: wizardBindings({ ...emptyWizard, principal, ...wizard } as WizardInput),
  }).bindings;
  const created = await createAcls(local, bindings);
  expect(created.results.filter((r) => !r.ok)).toEqual([]);
  const texts = bindings.map(bindingText).sort();
  await expect.poll(aclsWithKafkaTools, { timeout: 20_000 }).toEqual(texts);
  return texts;
}

async function removeAllBindings(): Promise<void> {
  const left = (await listAcls(local, AclFilterSchema.parse({ principal }))).bindings;
  if (left.length > 0) await deleteAcls(local, left);
  await expect.poll(aclsWithKafkaTools, { timeout: 20_000 }).toEqual([]);
}

/** A command-line tool run to its end: its exit code and everything it printed. */
function runTool(tool: string, args: string[], timeout = 90_000): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [cli, tool, ...args],
      { timeout, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) || 1 : 0,
          output: `${stdout}${stderr}`,
        }),
    );
  });
}

/** Kafka's transactional producer as the test's user: 20 records in transactions of 200 ms. */
const transactionalProducer = () =>
  runTool('kafka-producer-perf-test', [
    '--bootstrap-server',
    saslBootstrap(),
    '--topic',
    txTopic,
    '--num-records',
    '20',
    '--record-size',
    '16',
    '--throughput',
    '-1',
    '--transactional-id',
    transactionalId,
    '--transaction-duration-ms',
    '200',
    '--command-config',
    clientConfig,
    '--command-property',
    'max.block.ms=10000',
    '--command-property',
    'delivery.timeout.ms=10000',
    '--command-property',
    'request.timeout.ms=5000',
  ]);

/** Records of a topic as a read_committed consumer (a super user) sees them: `key\tvalue` lines. */
async function committedRecords(topic: string, count: number): Promise<string[]> {
  const { output: out } = await runTool('kafka-console-consumer', [
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--from-beginning',
    '--isolation-level',
    'read_committed',
    '--max-messages',
    String(count),
    '--timeout-ms',
    '30000',
    '--property',
    'print.key=true',
    '--group',
    `${prefix}-oracle-${topic}`,
  ]);
  return out.split('\n').filter((line) => line.includes('\t'));
}

interface App {
  output: () => string;
  /** Resolves with the exit code once the app has stopped. */
  exited: Promise<number>;
  stop: () => void;
}

/** The Streams application as the test's user, bounded by `seconds`. */
function startStreamsApp(seconds: number): App {
  let out = '';
  const child = spawn(
    'bash',
    [path.join(repo, 'dev/kafka/streams/acl-app.sh'), clientConfig, appId, input, output, String(seconds)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return { output: () => out, exited, stop: () => child.kill('SIGTERM') };
}

async function produceLines(topic: string, lines: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = execFile(
      'bash',
      [cli, 'kafka-console-producer', '--bootstrap-server', bootstrap, '--topic', topic],
      {
        timeout: 60_000,
      },
      (error) => (error ? reject(error) : resolve()),
    );
    child.stdin!.end(`${lines.join('\n')}\n`);
  });
}

beforeAll(async () => {
  await scram.create();
  for (const topic of [txTopic, input, output])
    await topicsArgs('--create', '--topic', topic, '--partitions', '1');
  // The application's jars, fetched once, so that the time-outs below measure the application.
  await new Promise<void>((resolve, reject) =>
    execFile(
      'bash',
      [path.join(repo, 'dev/kafka/streams/acl-app.sh'), 'install'],
      { timeout: 300_000 },
      (e) => (e ? reject(e) : resolve()),
    ),
  );
}, 360_000);

afterAll(async () => {
  await removeAllBindings().catch(() => undefined);
  const topics = (await topicsArgs('--list')).split('\n').filter((t) => t.startsWith(prefix));
  for (const topic of topics) await topicsArgs('--delete', '--topic', topic).catch(() => '');
  const groups = (await kafkaCli('kafka-consumer-groups', ['--bootstrap-server', bootstrap, '--list']))
    .split('\n')
    .filter((g) => g.startsWith(prefix));
  for (const group of groups)
    await kafkaCli('kafka-consumer-groups', [
      '--bootstrap-server',
      bootstrap,
      '--delete',
      '--group',
      group,
    ]).catch(() => '');
  await scram.remove();
  await disconnectAll();
}, 180_000);

describe('ACL wizards with real clients', () => {
  it('a transactional producer is refused without the wizard’s bindings and commits with them', async () => {
    const refused = await transactionalProducer();
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toMatch(/TransactionalIdAuthorizationException/);

    const texts = await applyWizard({ kind: 'transactional', topic: txTopic, transactionalId });
    expect(texts).toEqual(
      [
        `ALLOW ${principal}@* DESCRIBE TOPIC:LITERAL:${txTopic}`,
        `ALLOW ${principal}@* WRITE TOPIC:LITERAL:${txTopic}`,
        `ALLOW ${principal}@* DESCRIBE TRANSACTIONAL_ID:LITERAL:${transactionalId}`,
        `ALLOW ${principal}@* WRITE TRANSACTIONAL_ID:LITERAL:${transactionalId}`,
      ].sort(),
    );

    const allowed = await transactionalProducer();
    expect(allowed.code, allowed.output).toBe(0);
    expect(allowed.output).toMatch(/20 records sent/);
    // Kafka's own view: the transactional id's last transaction committed, its records readable committed.
    const described = await kafkaCli('kafka-transactions', [
      '--bootstrap-server',
      bootstrap,
      'describe',
      '--transactional-id',
      transactionalId,
    ]);
    expect(described).toMatch(/CompleteCommit/);
    const { output: values } = await runTool('kafka-console-consumer', [
      '--bootstrap-server',
      bootstrap,
      '--topic',
      txTopic,
      '--from-beginning',
      '--isolation-level',
      'read_committed',
      '--max-messages',
      '20',
      '--timeout-ms',
      '30000',
    ]);
    expect(values).toMatch(/Processed a total of 20 messages/);
    await removeAllBindings();
  }, 240_000);

  it('a Kafka Streams application fails without the wizard’s bindings, and runs and counts with them', async () => {
    const refused = startStreamsApp(60);
    const code = await refused.exited;
    expect(code, refused.output()).toBe(1);
    expect(refused.output()).toMatch(/FAILED .*AuthorizationException/);
    expect(refused.output()).not.toMatch(/STATE RUNNING/);

    await applyWizard({ kind: 'streams', applicationId: appId, inputTopics: input, outputTopics: output });
    const app = startStreamsApp(150);
    try {
      await expect.poll(() => app.output(), { timeout: 90_000, interval: 500 }).toMatch(/STATE RUNNING/);
      await produceLines(input, ['acl wizard', 'acl streams acl']);
      // A word count: each word's latest count, committed by the app's transactions.
      const records = await committedRecords(output, 5);
      const latest = new Map(records.map((line) => line.split('\t') as [string, string]));
      expect(Object.fromEntries(latest), app.output()).toEqual({ acl: '3', wizard: '1', streams: '1' });
      // The internal topics the application made under its application.id.
      const topics = (await topicsArgs('--list')).split('\n');
      expect(topics).toEqual(
        expect.arrayContaining([`${appId}-words-repartition`, `${appId}-counts-changelog`]),
      );
      expect(app.output()).not.toMatch(/FAILED/);
    } finally {
      app.stop();
      await app.exited;
    }
  }, 300_000);
});
