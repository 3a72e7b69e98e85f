import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  CONNECT_FILES_DIR,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
} from '../../dev/connect/local-connect';
import { brokers } from '../support/kafka';

/**
 * Every change to a connector leaves an audit line that names it and says what it was before and
 * after (state, tasks, config with secrets hidden), read back from the audit topic with kcat; the
 * worker's own REST answers say the changes really happened.
 */
const run = `e2e-connect-audit-${Date.now().toString(36)}`;
const name = `${run}-sink`;
const secret = `s3cret-${run}`;
const dir = path.join(CONNECT_FILES_DIR, run);
const api = `/api/clusters/local/connect/local-connect/connectors`;
const config = {
  'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
  'tasks.max': '1',
  file: path.join(dir, 'out.txt'),
  topics: `${run}-in`,
  'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
};
/** The connector's state and its tasks' (`RUNNING 0:RUNNING`), as the worker reports them. */
const status = () =>
  connectRequest<{ connector: { state: string }; tasks: { id: number; state: string }[] }>(
    'GET',
    `/connectors/${name}/status`,
  ).then(
    (s) => [s.connector.state, ...s.tasks.map((t) => `${t.id}:${t.state}`)].join(' '),
    () => 'ABSENT',
  );
const state = () => status().then((s) => s.split(' ')[0]!);

test.beforeAll(async () => {
  await ensureConnect();
  mkdirSync(dir, { recursive: true });
});

test.afterAll(async () => {
  await deleteConnectorIfExists(name);
  rmSync(dir, { recursive: true, force: true });
});

test('connector changes are audited with their target and state before and after, secrets hidden', async ({
  request,
}) => {
  test.setTimeout(120_000);
  const created = await request.post(api, {
    data: { name, config: { ...config, 'x.api.password': secret } },
  });
  expect(created.status()).toBe(200);
  // Its task assigned and running too, as the audit line's "before" will say.
  await expect.poll(status, { timeout: 45_000 }).toBe('RUNNING 0:RUNNING');

  expect((await request.post(`${api}/${name}/pause`)).status()).toBe(200);
  await expect.poll(state, { timeout: 30_000 }).toBe('PAUSED');
  expect((await request.post(`${api}/${name}/resume`)).status()).toBe(200);
  await expect.poll(state, { timeout: 30_000 }).toBe('RUNNING');

  // A restart asked with a flag that is neither true nor false restarts nothing.
  const bad = await request.post(`${api}/${name}/restart?onlyFailed=1`);
  expect([bad.status(), (await bad.json()).error.message]).toEqual([400, 'onlyFailed: true or false']);

  const edited = await request.put(`${api}/${name}`, {
    data: { config: { ...config, 'x.api.password': '[hidden]', 'errors.tolerance': 'all' } },
  });
  expect(edited.status()).toBe(200);
  const stored = await connectRequest<Record<string, string>>('GET', `/connectors/${name}/config`);
  expect(stored).toMatchObject({ 'x.api.password': secret, 'errors.tolerance': 'all' });

  expect((await request.delete(`${api}/${name}`)).status()).toBe(200);
  await expect.poll(state, { timeout: 30_000 }).toBe('ABSENT');

  const records = () =>
    execFileSync(
      'kcat',
      ['-C', '-b', brokers.join(','), '-t', 'kafkascope-e2e-audit', '-o', '-400', '-e', '-q'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((line) => line.includes(name));
  await expect.poll(() => records().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
  expect(records().join('\n')).not.toContain(secret);
  const lines = records().map((line) => JSON.parse(line));
  const line = (action: string) => lines.find((l) => l.action === action);
  const target = `connector local-connect/${name}`;
  expect(line('connect.connector.create')).toMatchObject({ target, result: 'ok' });
  expect(line('connect.connector.pause')).toMatchObject({
    target,
    result: 'ok',
    change: {
      before: { state: 'RUNNING', tasks: ['0:RUNNING'] },
      after: { state: 'PAUSED', config: { 'x.api.password': '[hidden]' } },
    },
  });
  expect(line('connect.connector.resume')?.change).toMatchObject({
    before: { state: 'PAUSED' },
    after: { state: 'RUNNING' },
  });
  expect(line('connect.connector.restart')).toMatchObject({ target, result: 'validation_failed' });
  expect(line('connect.connector.update')?.change).toMatchObject({
    before: { 'x.api.password': '[hidden]' },
    after: { 'x.api.password': '[hidden]', 'errors.tolerance': 'all' },
  });
  expect(line('connect.connector.update')?.change.before['errors.tolerance']).toBeUndefined();
  expect(line('connect.connector.delete')).toMatchObject({
    target,
    result: 'ok',
    change: { before: { state: 'RUNNING', config: { file: config.file } }, after: null },
  });
});
