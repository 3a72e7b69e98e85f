import 'server-only';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import { log } from '@/server/log';
import { migrate } from '@/server/store/migrations';
import { pglitePool } from '@/server/store/pglite-pool';
import type { StoreTables } from '@/server/store/tables';

export type { StoreTables } from '@/server/store/tables';

/** PostgreSQL's int8: lag and offsets stay below 2^53, so numbers, as everywhere else in the console. */
const INT8 = 20;

export type StoreSettings =
  { kind: 'postgres'; url: string; statementTimeoutMs?: number } | { kind: 'embedded'; dataDir: string };

export interface Store {
  db: Kysely<StoreTables>;
  kind: StoreSettings['kind'];
  /** Where the store is, for logs and the health page: the data directory, or the server's host (no credentials). */
  where: string;
  close(): Promise<void>;
}

/** `KAFKASCOPE_DATABASE_URL` (PostgreSQL, shared by several console processes) or an embedded store in `KAFKASCOPE_DATA_DIR`. */
export function storeSettings(env: NodeJS.ProcessEnv = process.env): StoreSettings {
  const url = env.KAFKASCOPE_DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return { kind: 'embedded', dataDir: path.resolve(env.KAFKASCOPE_DATA_DIR?.trim() || 'data') };
}

/** The server's address without user or password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgresql://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'postgresql (unreadable URL)';
  }
}

const held = globalThis as unknown as { __kafkascopeDataDirs?: Set<string> };
const LOCK_STALE_MS = 30_000;

/**
 * One process owns an embedded store at a time: PGlite has no locking of its own across processes,
 * and two writers would corrupt it. A lock file names the owner (host and pid) and is touched every
 * 10 s; it is taken over when its owner is gone: a dead pid on this host, or no touch for 30 s (a
 * container sharing the volume; a container's console is pid 1 after every restart, so a pid alone
 * does not tell).
 */
function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'kafkascope.lock');
  const mine = (held.__kafkascopeDataDirs ??= new Set());
  if (mine.has(dir)) throw new Error(`the data directory ${dir} is open already in this process`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ host: hostname(), pid: process.pid }));
      closeSync(fd);
      mine.add(dir);
      const touch = setInterval(() => {
        const t = new Date();
        try {
          utimesSync(file, t, t);
        } catch {
          // the directory went away: the store reports its own errors
        }
      }, 10_000);
      touch.unref();
      return () => {
        clearInterval(touch);
        mine.delete(dir);
        rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { host?: string; pid?: number } = {};
      let age = Infinity;
      try {
        owner = JSON.parse(readFileSync(file, 'utf8')) as typeof owner;
        age = Date.now() - statSync(file).mtimeMs;
      } catch {
        // unreadable: a crash while writing it; stale
      }
      let alive = age < LOCK_STALE_MS;
      if (alive && owner.host === hostname() && typeof owner.pid === 'number') {
        if (owner.pid === process.pid)
          alive = false; // not in `mine`: a previous life of this pid
        else {
          try {
            alive = process.kill(owner.pid, 0);
          } catch {
            alive = false;
          }
        }
      }
      if (alive) {
        throw new Error(
          `the data directory ${dir} is in use by process ${owner.pid ?? '?'} on ${owner.host ?? '?'}; several consoles share one store through KAFKASCOPE_DATABASE_URL (PostgreSQL)`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock the data directory ${dir}`);
}

export async function openStore(settings: StoreSettings): Promise<Store> {
  let db: Kysely<StoreTables>;
  let where: string;
  let unlock = () => {};
  if (settings.kind === 'postgres') {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: settings.url,
      max: 4,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Bounded on both sides: the server cancels a statement, the client gives up a little later.
      statement_timeout: settings.statementTimeoutMs ?? 10_000,
      query_timeout: (settings.statementTimeoutMs ?? 10_000) + 2_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as never,
      },
    });
    // An idle connection the server drops must not take the process down; the next query reconnects.
    pool.on('error', (error) => log('warn', 'store connection lost', { error: error.message }));
    db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    where = describeUrl(settings.url);
  } else {
    mkdirSync(settings.dataDir, { recursive: true });
    unlock = lockDataDir(settings.dataDir);
    try {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create({
        dataDir: path.join(settings.dataDir, 'pglite'),
        parsers: { [INT8]: (v: string) => Number(v) },
      });
      db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
    } catch (error) {
      unlock();
      throw error;
    }
    where = settings.dataDir;
  }
  try {
    const { applied, version } = await migrate(db);
    log('info', 'store ready', { kind: settings.kind, where, version, applied });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    unlock();
    throw error;
  }
  return {
    db,
    kind: settings.kind,
    where,
    async close() {
      await db.destroy();
      unlock();
    },
  };
}

const holder = globalThis as unknown as { __kafkascopeStore?: Promise<Store> };

/**
 * The process's store, opened on first use. A store that cannot be opened (a server down, a
 * directory in use) fails this call and is tried again on the next one after a pause, so history
 * resumes once it is back; the console's Kafka pages never wait on it.
 */
export function getStore(): Promise<Store> {
  if (!holder.__kafkascopeStore) {
    const settings = storeSettings();
    const opening = openStore(settings);
    holder.__kafkascopeStore = opening;
    opening.catch((error: Error) => {
      log('error', 'store unavailable', {
        kind: settings.kind,
        where: settings.kind === 'postgres' ? describeUrl(settings.url) : settings.dataDir,
        error: error.message,
      });
      setTimeout(() => {
        if (holder.__kafkascopeStore === opening) holder.__kafkascopeStore = undefined;
      }, 10_000).unref();
    });
  }
  return holder.__kafkascopeStore;
}

export async function closeStore(): Promise<void> {
  const opening = holder.__kafkascopeStore;
  holder.__kafkascopeStore = undefined;
  if (opening) await (await opening.catch(() => null))?.close();
}
