import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECT_FILES_DIR,
  CONNECT_URL,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
  stopConnect,
} from '@/dev/connect/local-connect';
import { BOOTSTRAP } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { RuleInputSchema } from '@/lib/schemas/alerts';
import { getAlertsConfig } from '@/server/config/alerts';
import { openStore } from '@/server/store';
import { allRules, createRule } from '@/server/services/alerts/definitions';
import { evaluateCluster } from '@/server/services/alerts/evaluate';
import { readFacts } from '@/server/services/alerts/facts';
import { alertsOverview } from '@/server/services/alerts/views';
import { HIDDEN } from '@/lib/connect/secrets';
import {
  connectorAction,
  createConnector,
  deleteConnector,
  getConnector,
  getPluginConfig,
  listConnectors,
  listPlugins,
  resetOffsets,
  restartTask,
  updateConnector,
  validateConnectorConfig,
} from '@/server/services/connect';

/**
 * Kafka Connect's services against the local two-worker group (dev/connect), each checked against
 * the worker's own REST answers (read with fetch here, never through the console) and, for data,
 * against the topic the FileStream source fills (read with kcat) and the file the sink writes.
 */
const local = loadConfig({}).clusters[0]!;
const CONNECT = local.connect[0]!.name;
const run = `it-connect-${Date.now().toString(36)}`;
const dir = path.join(CONNECT_FILES_DIR, run);
const input = path.join(dir, 'input.txt');
const output = path.join(dir, 'output.txt');
const topic = `${run}-lines`;
const source = `${run}-source`;
const sink = `${run}-sink`;
const broken = `${run}-broken`;
const lines = ['first line', 'second line', 'third line'];
let startedHere = false;

interface WorkerStatus {
  connector: { state: string; worker_id: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
}
const workerStatus = (name: string) => connectRequest<WorkerStatus>('GET', `/connectors/${name}/status`);

async function until<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  ms = 45_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
}

const kcatLines = () =>
  execFileSync('kcat', ['-b', BOOTSTRAP, '-C', '-t', topic, '-e', '-q', '-f', '%s\n'], {
    encoding: 'utf8',
    timeout: 20_000,
  })
    .split('\n')
    .filter(Boolean);

beforeAll(async () => {
  startedHere = (await ensureConnect()).startedHere;
  mkdirSync(dir, { recursive: true });
  writeFileSync(input, lines.join('\n') + '\n');
});

afterAll(async () => {
  for (const name of [source, sink, broken]) await deleteConnectorIfExists(name);
  execFileSync(
    'bash',
    ['dev/kafka/kafka-cli.sh', 'kafka-topics', '--bootstrap-server', BOOTSTRAP, '--delete', '--topic', topic],
    {
      stdio: 'ignore',
    },
  );
  rmSync(dir, { recursive: true, force: true });
  if (startedHere) await stopConnect();
});

describe('Kafka Connect', () => {
  it('lists the Connect cluster with the version and commit the worker reports', async () => {
    const root = await connectRequest<{ version: string; commit: string }>('GET', '/');
    const list = await listConnectors(local);
    expect(list.clusters).toEqual([
      expect.objectContaining({
        name: CONNECT,
        up: true,
        version: root.version,
        commit: root.commit,
        error: null,
      }),
    ]);
    const { plugins } = await listPlugins(local, CONNECT);
    const worker = await connectRequest<{ class: string }[]>(
      'GET',
      '/connector-plugins?connectorsOnly=false',
    );
    expect(plugins.map((p) => p.className).sort()).toEqual(worker.map((p) => p.class).sort());
    expect(plugins.map((p) => p.className)).toContain(
      'org.apache.kafka.connect.mirror.MirrorSourceConnector',
    );
  });

  it('shows a Connect cluster that does not answer as down with the reason, in bounded time', async () => {
    const down: ClusterConfig = {
      ...local,
      connect: [
        ...local.connect,
        {
          name: 'nowhere',
          url: 'http://127.0.0.1:1',
          urls: ['http://127.0.0.1:1'],
          username: undefined,
          password: undefined,
          tls: undefined,
          timeoutMs: 2_000,
        },
      ],
    };
    const started = Date.now();
    const list = await listConnectors(down);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(list.clusters.find((c) => c.name === 'nowhere')).toEqual(
      expect.objectContaining({ up: false, error: expect.stringMatching(/cannot be reached/) }),
    );
    expect(list.clusters.find((c) => c.name === CONNECT)?.up).toBe(true);
  });

  it('reads the plugin config definition and reports the worker validation errors per field', async () => {
    const fields = await getPluginConfig(
      local,
      CONNECT,
      'org.apache.kafka.connect.file.FileStreamSinkConnector',
    );
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['file', 'topics', 'tasks.max']));
    const result = await validateConnectorConfig(
      local,
      CONNECT,
      'org.apache.kafka.connect.file.FileStreamSinkConnector',
      {
        name: `${run}-invalid`,
        'tasks.max': 'many',
      },
    );
    expect(result.errorCount).toBeGreaterThan(0);
    expect(Object.keys(result.errors)).toContain('tasks.max');
    await expect(
      createConnector(local, CONNECT, `${run}-invalid`, {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
        'tasks.max': 'many',
        topics: topic,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/tasks\.max/) });
    // Nothing was created.
    await expect(connectRequest('GET', `/connectors/${run}-invalid`)).rejects.toThrow(/404/);
  });

  it('creates a FileStream source that fills its topic, and a sink that writes the topic to a file', async () => {
    const created = await createConnector(local, CONNECT, source, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      'tasks.max': '1',
      file: input,
      topic,
      'topic.creation.default.partitions': '1',
      'topic.creation.default.replication.factor': '1',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    });
    expect(created).toMatchObject({ name: source, connect: CONNECT, type: 'source' });
    await until(
      'source running',
      () => workerStatus(source),
      (s) => s.tasks[0]?.state === 'RUNNING',
    );
    await until(
      'lines in the topic',
      async () => kcatLines(),
      (got) => got.length >= lines.length,
    );
    expect(kcatLines()).toEqual(lines);

    await createConnector(local, CONNECT, sink, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: output,
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    });
    await until(
      'lines in the sink file',
      async () => (existsSync(output) ? readFileSync(output, 'utf8') : ''),
      (text) => text.split('\n').filter(Boolean).length >= lines.length,
    );
    expect(readFileSync(output, 'utf8').split('\n').filter(Boolean)).toEqual(lines);

    const list = await listConnectors(local);
    const row = list.connectors.find((c) => c.name === sink);
    const status = await workerStatus(sink);
    expect(row).toMatchObject({
      type: 'sink',
      state: status.connector.state,
      topics: [topic],
      tasksFailed: 0,
    });
    const detail = await getConnector(local, CONNECT, source);
    const topics = await connectRequest<Record<string, { topics: string[] }>>(
      'GET',
      `/connectors/${source}/topics`,
    );
    expect(detail.activeTopics).toEqual(topics[source]!.topics);
    expect(detail.activeTopics).toContain(topic);
    expect(detail.tasks[0]).toMatchObject({
      state: 'RUNNING',
      workerId: status.tasks[0] ? expect.any(String) : '',
    });
  });

  it('pauses, resumes, stops, resets the offsets of and restarts a connector as the worker reports', async () => {
    await connectorAction(local, CONNECT, source, 'pause');
    await until(
      'paused',
      () => workerStatus(source),
      (s) => s.connector.state === 'PAUSED',
    );
    await connectorAction(local, CONNECT, source, 'resume');
    await until(
      'resumed',
      () => workerStatus(source),
      (s) => s.connector.state === 'RUNNING',
    );
    await connectorAction(local, CONNECT, source, 'stop');
    await until(
      'stopped',
      () => workerStatus(source),
      (s) => s.connector.state === 'STOPPED',
    );
    const detail = await getConnector(local, CONNECT, source);
    const workerOffsets = await connectRequest<{ offsets: unknown[] }>(
      'GET',
      `/connectors/${source}/offsets`,
    );
    expect(detail.offsets).toEqual(workerOffsets.offsets);
    expect(detail.offsets!.length).toBeGreaterThan(0);
    await resetOffsets(local, CONNECT, source);
    // Reset, the worker keeps no offset for the file: it lists none, or the partition with a null
    // offset (the tombstone it wrote, until its offsets topic is read again).
    const reset = await connectRequest<{ offsets: { offset: unknown }[] }>(
      'GET',
      `/connectors/${source}/offsets`,
    );
    expect(reset.offsets.filter((o) => o.offset !== null)).toEqual([]);
    await connectorAction(local, CONNECT, source, 'resume');
    await until(
      'running again',
      () => workerStatus(source),
      (s) => s.tasks[0]?.state === 'RUNNING',
    );
    // The reset offsets make the source read its file again from the start.
    await until(
      'lines read twice',
      async () => kcatLines(),
      (got) => got.length >= 2 * lines.length,
    );
    await connectorAction(local, CONNECT, source, 'restart');
    await until(
      'restarted',
      () => workerStatus(source),
      (s) => s.tasks[0]?.state === 'RUNNING',
    );
    expect(await restartTask(local, CONNECT, source, 0)).toEqual({ restarted: 0 });
  });

  it('edits a config and answers with what it was before and what the worker has after', async () => {
    const { before, after } = await updateConnector(local, CONNECT, sink, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: output,
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'errors.tolerance': 'all',
    });
    expect(before['errors.tolerance']).toBeUndefined();
    expect(after['errors.tolerance']).toBe('all');
    const worker = await connectRequest<Record<string, string>>('GET', `/connectors/${sink}/config`);
    expect(worker['errors.tolerance']).toBe('all');
  });

  it('never shows a secret setting the worker answers in clear, and keeps it when an edit leaves it hidden', async () => {
    const secret = `s3cret-${run}`;
    const base = {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: output,
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'errors.tolerance': 'all',
    };
    const uri = `mongodb://app:${secret}@db.example.com:27017/shop`;
    const first = await updateConnector(local, CONNECT, sink, {
      ...base,
      'x.api.password': secret,
      'x.connection.uri': uri,
    });
    // The worker itself answers the password as written…
    const worker = () => connectRequest<Record<string, string>>('GET', `/connectors/${sink}/config`);
    expect(await worker()).toMatchObject({ 'x.api.password': secret, 'x.connection.uri': uri });
    // …the console never does: not in the page's config, not in the edit's answer (nor its audit line).
    expect(first.after['x.api.password']).toBe(HIDDEN);
    const shown = await getConnector(local, CONNECT, sink);
    expect(shown.config['x.api.password']).toBe(HIDDEN);
    // A URL's password is hidden in any setting.
    expect(shown.config['x.connection.uri']).toBe(`mongodb://app:${HIDDEN}@db.example.com:27017/shop`);
    expect(JSON.stringify(shown)).not.toContain(secret);
    // Sent back as shown, with another change: the stored secret stays.
    const second = await updateConnector(local, CONNECT, sink, {
      ...shown.config,
      'errors.log.enable': 'true',
    });
    expect(JSON.stringify(second)).not.toContain(secret);
    expect(await worker()).toMatchObject({
      'x.api.password': secret,
      'x.connection.uri': uri,
      'errors.log.enable': 'true',
    });
    await expect(updateConnector(local, CONNECT, sink, { ...base, 'y.password': HIDDEN })).rejects.toThrow(
      /^y\.password: enter its whole value/,
    );
  });

  it('shows a connector whose task fails at start with its trace, and restarts only what failed', async () => {
    // The missing directory is named after a secret setting's value, so the worker's trace quotes it.
    const token = `tok-${run}`;
    const missingDir = path.join(dir, `not-yet-${token}`);
    await createConnector(local, CONNECT, broken, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      'x.auth.token': token,
      file: path.join(missingDir, 'out.txt'),
      topics: topic,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    });
    const status = await until(
      'task failed',
      () => workerStatus(broken),
      (s) => s.tasks[0]?.state === 'FAILED',
    );
    // Read until the console sees the failure too (a worker of the group may still be rebalancing).
    const detail = await until(
      'failure in the console',
      () => getConnector(local, CONNECT, broken),
      (d) => d.tasksFailed === 1,
    );
    expect(detail.tasksFailed).toBe(1);
    // The worker's trace quotes the token; the console's shows it hidden, and the rest as the worker says.
    expect(status.tasks[0]!.trace).toContain(token);
    expect(detail.tasks[0]!.trace).toBe(status.tasks[0]!.trace!.split(token).join(HIDDEN));
    expect(detail.tasks[0]!.trace).toMatch(/Couldn't find or create file/);
    const list = await until(
      'the list',
      () => listConnectors(local),
      (l) => l.connectors.some((c) => c.name === broken),
    );
    expect(list.connectors[0]!.tasksFailed).toBeGreaterThan(0); // failed tasks on top
    expect(JSON.stringify(list)).not.toContain(token);
    // The alert rule sees it: one firing per failed connector, with the task's reason.
    const storeDir = mkdtempSync(path.join(tmpdir(), 'kafkascope-connect-alerts-'));
    const store = await openStore({ kind: 'embedded', dataDir: storeDir });
    try {
      await createRule(
        store,
        RuleInputSchema.parse({ name: `Connect ${run}`, kind: 'connector_failed' }),
        'it',
      );
      const rules = await allRules(store, { ...getAlertsConfig(), rules: [] });
      const evaluate = async (cluster: ClusterConfig = local) =>
        evaluateCluster(store, rules, await readFacts(store, cluster, rules, [], Date.now()));
      const nowhere = { url: 'http://127.0.0.1:1', urls: ['http://127.0.0.1:1'], timeoutMs: 2_000 };
      // The Connect cluster, its address now a closed port; and beside it another that does not answer.
      const unreachable: ClusterConfig = {
        ...local,
        connect: local.connect.map((c) => ({ ...c, ...nowhere })),
      };
      const withDead: ClusterConfig = {
        ...local,
        connect: [
          ...local.connect,
          { name: 'nowhere', username: undefined, password: undefined, tls: undefined, ...nowhere },
        ],
      };
      // Other connectors of the shared workers may be failing too (the demo's): only this one is looked at.
      const subject = `connector:${CONNECT}/${broken}`;
      const ours = async () =>
        (await alertsOverview(store)).active.filter((a) => a.clusterId === local.id && a.subject === subject);
      expect((await evaluate()).fired).toBeGreaterThanOrEqual(1);
      const firing = await ours();
      expect(firing.map((a) => [a.subject, a.status])).toEqual([[subject, 'firing']]);
      expect(firing[0]!.detail).toMatch(/^1 of 1 task\(s\) FAILED: .*Couldn't find or create file/);
      expect(firing[0]!.detail).not.toContain(token);

      mkdirSync(missingDir, { recursive: true });
      await connectorAction(local, CONNECT, broken, 'restart-failed');
      await until(
        'task running after the restart',
        () => workerStatus(broken),
        (s) => s.tasks[0]?.state === 'RUNNING',
      );
      await until(
        'the console sees it running',
        () => getConnector(local, CONNECT, broken),
        (d) => d.tasksFailed === 0,
      );
      // While its Connect cluster does not answer nothing is decided: the alert stays firing.
      expect(await evaluate(unreachable)).toMatchObject({ resolved: 0 });
      expect((await ours()).map((a) => a.status)).toEqual(['firing']);
      // Answering again, beside another Connect cluster that does not: it resolves all the same.
      expect(await evaluate(withDead)).toMatchObject({ resolved: 1 });
      expect(await ours()).toEqual([]);
    } finally {
      await store.close();
      rmSync(storeDir, { recursive: true, force: true });
    }
  });

  it('deletes a connector, and says so for one that does not exist', async () => {
    await deleteConnector(local, CONNECT, broken);
    await expect(connectRequest('GET', `/connectors/${broken}`)).rejects.toThrow(/404/);
    const error = await getConnector(local, CONNECT, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'not_found' });
    await expect(getConnector(local, 'no-such-connect', source)).rejects.toMatchObject({ code: 'not_found' });
    expect(CONNECT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
