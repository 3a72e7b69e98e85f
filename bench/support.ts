/** What the benchmarks share: arguments, the production server they measure, medians. */
import { spawn, type ChildProcess } from 'node:child_process';

export function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Starts the standalone production server (run `npm run build` first) and waits until it answers;
 * `app` is the checkout whose build runs (another worktree, to compare builds), this one by default.
 */
export async function startServer(port: number, app = '.'): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['.next/standalone/server.js'], {
    cwd: app,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      KAFKASCOPE_LOG_LEVEL: 'error',
      // Benchmarks measure the Kafka side of a page; login is off, explicitly, on this local server.
      KAFKASCOPE_AUTH: process.env.KAFKASCOPE_AUTH ?? 'none',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/clusters`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(
    `the server did not start: is there a production build (npm run build)?\n${errors.slice(-2_000)}`,
  );
}

/**
 * Median server time of `path` over `runs` requests, each after the server's 2 s shared-read cache
 * expired, so every run goes to Kafka; the first request (connecting) is not counted.
 */
export async function measure(port: number, label: string, path: string, runs: number): Promise<void> {
  const times: number[] = [];
  let requests = 0;
  let bytes = 0;
  for (let i = 0; i < runs + 1; i++) {
    await new Promise((r) => setTimeout(r, 2_100));
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    const body = await response.text();
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${body}`);
    if (i === 0) continue;
    times.push(elapsed);
    requests = Number(response.headers.get('x-kafka-requests'));
    bytes = body.length;
  }
  console.log(
    `${label.padEnd(36)} median ${median(times).toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  kafka requests ${requests}  response ${(bytes / 1024).toFixed(1)} KiB`,
  );
}

/** Kafka requests the console at `port` has sent so far, by its own metrics: all APIs, or only `api`. */
export async function kafkaRequestsSent(port: number, api?: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/api/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^kafkascope_kafka_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm))
    if (api === undefined || match[1]!.includes(`api="${api}"`)) total += Number(match[2]);
  return total;
}
