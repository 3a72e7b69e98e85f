import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CONNECT_FILES_DIR,
  CONNECT_URLS,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
  killWorker,
} from '@/dev/connect/local-connect';
import { BOOTSTRAP } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { createConnector, getConnector } from '@/server/services/connect';

/**
 * A worker of the local two-worker group is killed while it runs a task: the task moves to the
 * other worker, as the surviving worker reports and the console shows. The killed worker is started
 * again afterwards.
 */
const local = loadConfig({}).clusters[0]!;
const CONNECT = local.connect[0]!.name;
const run = `it-connect-down-${Date.now().toString(36)}`;
const dir = path.join(CONNECT_FILES_DIR, run);
const name = `${run}-source`;

interface WorkerStatus {
  tasks: { id: number; state: string; worker_id: string }[];
}

beforeAll(async () => {
  await ensureConnect();
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'in.txt'), 'a\n');
});

afterAll(async () => {
  await ensureConnect();
  await deleteConnectorIfExists(name);
  execFileSync(
    'bash',
    [
      'dev/kafka/kafka-cli.sh',
      'kafka-topics',
      '--bootstrap-server',
      BOOTSTRAP,
      '--delete',
      '--topic',
      `${run}-lines`,
    ],
    { stdio: 'ignore' },
  );
  rmSync(dir, { recursive: true, force: true });
});

it('moves the task of a killed worker to the other one', { timeout: 120_000 }, async () => {
  await createConnector(local, CONNECT, name, {
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    'tasks.max': '1',
    file: path.join(dir, 'in.txt'),
    topic: `${run}-lines`,
    'topic.creation.default.partitions': '1',
    'topic.creation.default.replication.factor': '1',
  });
  let status: WorkerStatus = { tasks: [] };
  for (let i = 0; i < 60 && status.tasks[0]?.state !== 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 500));
    status = await connectRequest<WorkerStatus>('GET', `/connectors/${name}/status`).catch(() => status);
  }
  const before = status.tasks[0]!.worker_id;
  const victim = before.endsWith(`:${new URL(CONNECT_URLS[0]!).port}`) ? 1 : 2;
  const survivor = CONNECT_URLS[victim === 1 ? 1 : 0]!;
  await killWorker(victim);
  const deadline = Date.now() + 90_000;
  let moved: WorkerStatus | null = null;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1_000));
    const res = await fetch(`${survivor}/connectors/${name}/status`, {
      signal: AbortSignal.timeout(5_000),
    }).catch(() => null);
    if (!res?.ok) continue;
    const body = (await res.json()) as WorkerStatus;
    if (body.tasks[0]?.state === 'RUNNING' && body.tasks[0].worker_id !== before) {
      moved = body;
      break;
    }
  }
  expect(moved, 'the task never moved to the surviving worker').not.toBeNull();
  // The console asks worker 1's URL; after the kill of worker 1 it cannot answer, so check through the survivor.
  if (victim === 2) {
    const detail = await getConnector(local, CONNECT, name);
    expect(detail.tasks[0]).toMatchObject({ state: 'RUNNING', workerId: moved!.tasks[0]!.worker_id });
  }
});
