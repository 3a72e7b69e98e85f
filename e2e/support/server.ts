import { spawn, type ChildProcess } from 'node:child_process';
import { portFree } from '../../dev/port-free';

export interface RunningServer {
  url: string;
  pid: number;
  /** Kills the process outright (SIGKILL): no clean shutdown, as when a machine dies. */
  kill: () => Promise<void>;
  /** Every stdout line so far, parsed when it is JSON. */
  lines: () => { raw: string; json: Record<string, unknown> | null }[];
  stop: () => Promise<void>;
}

/**
 * A second production server with its own environment, started the way the image starts it, for
 * configurations the suite's main server does not have (an unreachable cluster, a metrics token).
 */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  // Another server on the port would answer the health check below for this one, which would then
  // fail to bind and exit unseen: refuse at once instead.
  if (!(await portFree(port))) throw new Error(`port ${port} is already in use; a server cannot start there`);
  const child: ChildProcess = spawn(process.execPath, ['.next/standalone/server.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      NEXT_MANUAL_SIG_HANDLE: 'true',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      // Login off, explicitly: these servers test other settings; a spec may turn it back on.
      KAFKASCOPE_AUTH: 'none',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    out.push(...parts.filter(Boolean));
  });
  child.stderr!.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const end = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  const stop = end('SIGTERM');
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      return {
        url,
        pid: child.pid!,
        kill: end('SIGKILL'),
        stop,
        lines: () =>
          out.map((raw) => {
            try {
              return { raw, json: JSON.parse(raw) as Record<string, unknown> };
            } catch {
              return { raw, json: null };
            }
          }),
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`the server on port ${port} did not start:\n${out.join('\n')}`);
}
