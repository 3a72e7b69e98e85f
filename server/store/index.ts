import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type DatabaseConnection, type Dialect } from 'kysely';
import { log } from '@/server/log';
import { migrate } from '@/server/store/migrations';
import { sealerOf, storeKey, type Sealer } from '@/server/store/sealed';
import type { StoreTables } from '@/server/store/tables';

export type { StoreTables } from '@/server/store/tables';

/** PostgreSQL's int8: lag and offsets stay below 2^53, so numbers, as everywhere else in the console (and as SQLite gives them). */
const INT8 = 20;

export type StoreSettings =
  { kind: 'postgres'; url: string; statementTimeoutMs?: number } | { kind: 'embedded'; dataDir: string };

export interface Store {
  db: Kysely<StoreTables>;
  /** `embedded` is SQLite; the few statements the two dialects spell differently ask this. */
  kind: StoreSettings['kind'];
  /** Where the store is, for logs and the health page: the data directory, or the server's host (no credentials). */
  where: string;
  /** Seals and opens the secrets kept in the store (server/store/sealed.ts). */
  secrets: Sealer;
  close(): Promise<void>;
}

/**
 * `KAFKASCOPE_DATABASE_URL` (PostgreSQL, shared by several console processes) or an embedded
 * SQLite file in `KAFKASCOPE_DATA_DIR` (docs/decisions/lag-store.md says why SQLite).
 */
export function storeSettings(env: NodeJS.ProcessEnv = process.env): StoreSettings {
  const url = env.KAFKASCOPE_DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  // A directory chosen at run time: the build's output tracing must not copy the project for it.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.KAFKASCOPE_DATA_DIR?.trim() || 'data');
  return { kind: 'embedded', dataDir };
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

/**
 * A failure of the store itself (a server gone, a lock held too long, a statement cancelled): the
 * API answers it as the store being unavailable (503), never as an unexpected error. The driver's
 * code (`23503`, `SQLITE_BUSY`) stays readable for the code that handles one.
 */
export class StoreError extends Error {
  override name = 'StoreError';
  readonly code: string | undefined;
  constructor(cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(message.split('\n')[0]!.slice(0, 200), { cause });
    this.code = (cause as { code?: string } | null)?.code;
  }
}

const asStoreError = (error: unknown) => (error instanceof StoreError ? error : new StoreError(error));

/** The dialect with every statement's failure (transactions' included) thrown as a StoreError. */
function guarded(dialect: Dialect): Dialect {
  const createDriver = dialect.createDriver.bind(dialect);
  const patched = new WeakSet<DatabaseConnection>();
  dialect.createDriver = () => {
    const driver = createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const connection = await acquire().catch((error: unknown) => {
        throw asStoreError(error);
      });
      if (!patched.has(connection)) {
        const execute = connection.executeQuery.bind(connection);
        // SQLite's driver may throw before its promise (preparing the statement): caught the same.
        connection.executeQuery = (async <R>(query: Parameters<typeof execute>[0]) => {
          try {
            return await execute<R>(query);
          } catch (error) {
            throw asStoreError(error);
          }
        }) as typeof execute;
        patched.add(connection);
      }
      return connection;
    };
    return driver;
  };
  return dialect;
}

export async function openStore(settings: StoreSettings): Promise<Store> {
  let db: Kysely<StoreTables>;
  let where: string;
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
    db = new Kysely<StoreTables>({ dialect: guarded(new PostgresDialect({ pool })) });
    where = describeUrl(settings.url);
  } else {
    mkdirSync(settings.dataDir, { recursive: true });
    const { default: Database } = await import('better-sqlite3');
    const file = path.join(settings.dataDir, 'kafkascope.db');
    // SQLite locks the file itself. better-sqlite3 waits for another process's write lock inside the
    // call, holding up this process meanwhile: the wait is short, and one console per data directory
    // is the rule (several share PostgreSQL).
    const database = new Database(file, { timeout: 1_000 });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    db = new Kysely<StoreTables>({ dialect: guarded(new SqliteDialect({ database })) });
    where = file;
  }
  try {
    const { applied, version } = await migrate(db, settings.kind);
    log('info', 'store ready', { kind: settings.kind, where, version, applied });
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return {
    db,
    kind: settings.kind,
    where,
    secrets: sealerOf(storeKey(settings)),
    close: () => db.destroy(),
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
