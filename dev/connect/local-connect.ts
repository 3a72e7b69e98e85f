/**
 * Node-side handle on the local Kafka Connect group of dev/connect (two distributed workers on the
 * local cluster): used by test setups, the demo and benchmarks. Starting is idempotent;
 * `ensureConnect` reports whether it started the workers so the caller stops only what it started.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'dev/connect/connect.sh');
const homeDir = process.env.KAFKA_HOME_DIR ?? path.join(root, '.kafka');

/** Added to the workers' REST ports by connect.sh, as KAFKA_PORT_OFFSET is to the brokers'. */
export const CONNECT_PORT_OFFSET =
  Number(process.env.CONNECT_PORT_OFFSET || process.env.KAFKA_PORT_OFFSET || 0) || 0;
/** REST ports of worker 1 and worker 2. */
export const CONNECT_PORTS = [8083, 8084].map((port) => port + CONNECT_PORT_OFFSET);
export const CONNECT_URLS = CONNECT_PORTS.map((port) => `http://127.0.0.1:${port}`);
/** Worker 1's REST API: any worker of the group answers for all of it. */
export const CONNECT_URL = `http://127.0.0.1:${8083 + CONNECT_PORT_OFFSET}`;
/** Where the FileStream connectors of tests and the demo read and write (the workers' own machine). */
export const CONNECT_FILES_DIR = path.join(
  process.env.CONNECT_HOME_DIR ?? path.join(homeDir, 'connect'),
  'files',
);

export async function connectIsUp(url = CONNECT_URL): Promise<boolean> {
  try {
    const res = await fetch(`${url}/connectors`, { signal: AbortSignal.timeout(3_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function runScript(...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`connect.sh ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function ensureConnect(): Promise<{ startedHere: boolean }> {
  if ((await connectIsUp(CONNECT_URLS[0])) && (await connectIsUp(CONNECT_URLS[1])))
    return { startedHere: false };
  await runScript('start');
  return { startedHere: true };
}

export async function stopConnect(): Promise<void> {
  await runScript('stop');
}

/**
 * Starts the workers that are not running without waiting for them to join (a test that killed one
 * need not wait ~10 s for the JVM): the next `ensureConnect` waits for it, as `connect.sh start` does
 * under the same lock, and its output goes to the worker's log.
 */
export function startConnectInBackground(): void {
  const child = spawn('bash', [script, 'start'], { stdio: 'ignore', detached: true });
  child.unref();
}

/** KILLs one worker (1 or 2): its tasks move to the other after the group's rebalance delay. */
export async function killWorker(worker: 1 | 2): Promise<void> {
  await runScript('kill', String(worker));
}

/** One call to the group's REST API (worker 1), JSON in and out; throws with the worker's message on 4xx/5xx. */
export async function connectRequest<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
  // A group that rebalances (a worker killed or started by a test) refuses requests for a few seconds.
  for (let attempt = 0; ; attempt++) {
    try {
      return await requestOnce<T>(method, route, body);
    } catch (error) {
      if (attempt >= 10 || !/rebalanc/i.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

async function requestOnce<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${CONNECT_URL}${route}`, {
    method,
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Deletes a connector if it exists (test clean-up). */
export async function deleteConnectorIfExists(name: string): Promise<void> {
  const res = await fetch(`${CONNECT_URL}/connectors/${encodeURIComponent(name)}`, {
    method: 'DELETE',
    signal: AbortSignal.timeout(30_000),
  });
  await res.body?.cancel();
  if (!res.ok && res.status !== 404) throw new Error(`DELETE /connectors/${name}: ${res.status}`);
}
