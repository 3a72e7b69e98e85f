import net from 'node:net';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECT_FILES_DIR,
  connectRequest,
  deleteConnectorIfExists,
  ensureConnect,
} from '@/dev/connect/local-connect';
import { HIDDEN } from '@/lib/connect/secrets';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { createConnector } from '@/server/services/connect';
import { WAIT_MS } from '@/server/services/connect-health';
import { getOverview } from '@/server/services/overview';

/**
 * The cluster overview's Kafka Connect part against the local worker group (dev/connect): a sink
 * whose task fails at start (its file's directory does not exist) is listed with its failed task
 * and the first line of the trace the worker reports, secrets hidden, and makes the cluster's health
 * degraded; a Connect cluster that refuses or never answers is down with its reason, in bounded
 * time, and the rest of the overview is unaffected.
 */
const local = loadConfig({}).clusters[0]!;
const CONNECT = local.connect[0]!.name;
const run = `it-connect-overview-${Date.now().toString(36)}`;
const secret = `s3cret${Date.now().toString(36)}`;
// The path lands in the worker's trace: a secret-looking part of it must not reach the overview.
const missing = path.join(CONNECT_FILES_DIR, run, `pw-password=${secret}`, 'out.txt');
const broken = `${run}-broken`;
let hanging: net.Server;
let hangingUrl = '';
let connections = 0;
const held: net.Socket[] = [];

interface WorkerStatus {
  tasks: { id: number; state: string; trace?: string }[];
}

function withConnect(name: string, url: string, timeoutMs: number): ClusterConfig {
  return {
    ...local,
    connect: [
      ...local.connect,
      { name, url, urls: [url], username: undefined, password: undefined, tls: undefined, timeoutMs },
    ],
  };
}

beforeAll(async () => {
  await ensureConnect();
  hanging = net.createServer((socket) => {
    connections += 1;
    held.push(socket);
  });
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await deleteConnectorIfExists(broken);
  rmSync(path.join(CONNECT_FILES_DIR, run), { recursive: true, force: true });
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => hanging.close(resolve));
});

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, ms = 45_000) {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => last);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
}

describe('the overview and Kafka Connect', () => {
  it('lists a connector whose task failed at start, with the trace it reports, and counts it as a problem', async () => {
    await createConnector(local, CONNECT, broken, {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      'tasks.max': '1',
      file: missing,
      topics: `${run}-none`,
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    });
    const status = await until(
      'the worker reports the task FAILED',
      () => connectRequest<WorkerStatus>('GET', `/connectors/${broken}/status`),
      (s) => s.tasks[0]?.state === 'FAILED',
    );
    const trace = status.tasks[0]!.trace!;
    expect(trace).toContain(secret);
    const overview = await until(
      'the overview shows it',
      () => getOverview(local),
      (o) => o.connect.some((c) => c.failed.some((f) => f.name === broken)),
    );
    const health = overview.connect.find((c) => c.name === CONNECT)!;
    expect(health).toMatchObject({ up: true, error: null });
    expect(health.failed.find((f) => f.name === broken)).toEqual({
      name: broken,
      connect: CONNECT,
      state: 'RUNNING',
      failedTaskIds: [0],
      tasks: 1,
      reason: trace.split('\n')[0]!.replace(secret + '/out.txt', HIDDEN),
    });
    expect(JSON.stringify(overview)).not.toContain(secret);
    expect(overview.status).toBe('degraded');
    expect(overview.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`failed connectors? on Kafka Connect cluster ${CONNECT}: .*${broken}`),
      ),
    );
  });

  it('shows a Connect cluster that refuses as down with the reason, and the Kafka part as before', async () => {
    const cluster = withConnect('refusing', 'http://127.0.0.1:1', 2_000);
    const started = Date.now();
    const overview = await getOverview(cluster);
    expect(Date.now() - started).toBeLessThan(WAIT_MS + 1_000);
    expect(overview.connect.find((c) => c.name === 'refusing')).toMatchObject({
      up: false,
      error: expect.stringMatching(/cannot be reached \(ECONNREFUSED\)/),
      failed: [],
    });
    expect(overview.problems).toContain('Kafka Connect cluster refusing down');
    expect(overview.brokersOnline).toBe(3);
  });

  it('answers within its wait while a Connect cluster hangs, asking it once for every overview meanwhile', async () => {
    const cluster = withConnect('hanging', hangingUrl, 10_000);
    const started = Date.now();
    const [first, second] = await Promise.all([getOverview(cluster), getOverview(cluster)]);
    expect(Date.now() - started).toBeLessThan(WAIT_MS + 1_500);
    for (const overview of [first, second])
      expect(overview.connect.find((c) => c.name === 'hanging')).toMatchObject({
        up: false,
        error: expect.stringMatching(/has not answered within 2\.5 s/),
      });
    // A later overview does not wait again for the same call.
    const again = Date.now();
    const third = await getOverview(cluster);
    expect(Date.now() - again).toBeLessThan(1_000);
    expect(third.connect.find((c) => c.name === 'hanging')?.up).toBe(false);
    // One call under way for all three (the list is `/connectors?expand=status`, once per Connect cluster).
    expect(connections).toBe(1);
    expect(first.connect.find((c) => c.name === CONNECT)?.up).toBe(true);
  });
});
