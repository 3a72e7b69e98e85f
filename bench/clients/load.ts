/**
 * What the client comparison scripts share (docs/decisions/kafka-client.md): where the candidate
 * clients are installed (bench/clients/setup.sh puts them outside the repository, so the project's
 * dependencies stay as they are), how to load one from there, and how a run reports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CLIENTS_DIR = process.env.CLIENTCMP_DIR ?? '/tmp/clientcmp';

/** Loads `pkg` as installed in CLIENTS_DIR/<folder> by setup.sh (an ES module, or CommonJS's module.exports). */
export async function loadInstalled<T>(folder: 'platformatic' | 'confluent', pkg: string): Promise<T> {
  const resolve = createRequire(path.join(CLIENTS_DIR, folder, 'package.json')).resolve;
  const loaded = (await import(pathToFileURL(resolve(pkg)).href)) as { default?: unknown };
  // A CommonJS package arrives as its module.exports under `default`.
  return (loaded.default ?? loaded) as T;
}

/** This process's peak resident memory (VmHWM), or another's while it runs, in MiB. */
export function peakRssMiB(pid: number | 'self' = 'self'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

export function stringArg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
