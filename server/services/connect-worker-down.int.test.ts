import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CONNECT_FILES_DIR,
  CONNECT_URLS,
  connectRequest,
  ensureConnect,
  killWorker,
  startConnectInBackground,
} from '@/dev/connect/local-connect';
import { loadConfig } from '@/server/config/clusters';
import { createConnector, getConnector, listConnectors } from '@/server/services/connect';
import { deleteTopic } from '@/server/services/topic-admin';

/**
 * A worker of the local two-worker group is killed while it runs a task: the task moves to the
 * other worker, as the surviving worker reports and the console shows through the URL that still
 * answers (both workers' URLs are configured). The killed worker is started again afterwards. It
 * kills a worker: run it against a group of its own (`CONNECT_PORT_OFFSET=100`) when others share
 * the local one. dev/connect's short group timings (a 6 s session, a 2 s rebalance delay) keep it
 * to seconds; it polls instead of sleeping.
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

/** The worker that still answers once one was killed (worker 1's URL until then). */
let survivorUrl = CONNECT_URLS[0]!;

afterAll(async () => {
  // Deleted through the worker that answers; the killed one starts again in the background (the
  // next suite's ensureConnect waits for it to join).
  const res = await fetch(`${survivorUrl}/connectors/${encodeURIComponent(name)}`, {
    method: 'DELETE',
    signal: AbortSignal.timeout(30_000),
  });
  await res.body?.cancel();
  if (!res.ok && res.status !== 404) throw new Error(`DELETE /connectors/${name}: ${res.status}`);
  startConnectInBackground();
  await deleteTopic(local, `${run}-lines`).catch(() => undefined);
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
  for (let i = 0; i < 150 && status.tasks[0]?.state !== 'RUNNING'; i++) {
    await new Promise((r) => setTimeout(r, 200));
    status = await connectRequest<WorkerStatus>('GET', `/connectors/${name}/status`).catch(() => status);
  }
  const before = status.tasks[0]!.worker_id;
  const victim = before.endsWith(`:${new URL(CONNECT_URLS[0]!).port}`) ? 1 : 2;
  const survivor = CONNECT_URLS[victim === 1 ? 1 : 0]!;
  survivorUrl = survivor;
  await killWorker(victim);
  const deadline = Date.now() + 90_000;
  let moved: WorkerStatus | null = null;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const res = await fetch(`${survivor}/connectors/${name}/status`, {
      signal: AbortSignal.timeout(5_000),
    }).catch(() => null);
    if (!res?.ok) {
      await res?.body?.cancel();
      continue;
    }
    const body = (await res.json()) as WorkerStatus;
    if (body.tasks[0]?.state === 'RUNNING' && body.tasks[0].worker_id !== before) {
      moved = body;
      break;
    }
  }
  expect(moved, 'the task never moved to the surviving worker').not.toBeNull();
  // The console has both URLs: whichever worker died, it answers through the other.
  const detail = await getConnector(local, CONNECT, name);
  expect(detail.tasks[0]).toMatchObject({ state: 'RUNNING', workerId: moved!.tasks[0]!.worker_id });
  const list = await listConnectors(local);
  expect(list.clusters[0]).toMatchObject({ up: true, url: new URL(survivor).origin });
});
