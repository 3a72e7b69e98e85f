/**
 * Node-side handle on the local PostgreSQL server of dev/postgres/postgres.sh, for integration tests
 * and the demo. It does not start the server: scripts/test.sh and dev/demo.sh do
 * (`npm run postgres -- start` by hand). Each suite works in a database of its own (`freshDatabase`),
 * so suites never see each other's tables.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(__dirname, '../..');
const homeDir =
  process.env.POSTGRES_HOME_DIR ??
  path.join(process.env.KAFKA_HOME_DIR ?? path.join(root, '.kafka'), 'postgres');

/** Added to the server's port by postgres.sh, as KAFKA_PORT_OFFSET is to the brokers'. */
export const POSTGRES_PORT_OFFSET =
  Number(process.env.POSTGRES_PORT_OFFSET || process.env.KAFKA_PORT_OFFSET || 0) || 0;
export const POSTGRES_HOST = '127.0.0.1';
export const POSTGRES_PORT = 5433 + POSTGRES_PORT_OFFSET;
/** The role postgres.sh creates: it owns the database of the same name and may create databases. */
export const POSTGRES_USER = 'kafkascope';
export const POSTGRES_DATABASE = 'kafkascope';

const START_HINT = 'start it with `npm run postgres -- start` (dev/postgres/postgres.sh)';

/** The role's generated password, written by postgres.sh on its first start. */
export function postgresPassword(): string {
  const file = path.join(homeDir, 'password');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new Error(`No ${file}: the local PostgreSQL was never started; ${START_HINT}`, { cause: error });
  }
}

/** `postgresql://kafkascope:…@127.0.0.1:5433/<database>`. */
export function postgresUrl(database = POSTGRES_DATABASE): string {
  const password = encodeURIComponent(postgresPassword());
  return `postgresql://${POSTGRES_USER}:${password}@${POSTGRES_HOST}:${POSTGRES_PORT}/${database}`;
}

async function withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl(database), connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the server answers and lets the kafkascope role in. */
export async function postgresIsUp(): Promise<boolean> {
  try {
    await withClient(POSTGRES_DATABASE, (client) => client.query('SELECT 1'));
    return true;
  } catch {
    return false;
  }
}

/** Throws, saying how to start it, unless the local server answers. */
export async function ensurePostgres(): Promise<void> {
  try {
    await withClient(POSTGRES_DATABASE, (client) => client.query('SELECT 1'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The local PostgreSQL on ${POSTGRES_HOST}:${POSTGRES_PORT} does not answer (${reason}); ${START_HINT}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Drops the database `ks_<name>` (ending any connection to it) and creates it empty, owned by the
 * kafkascope role; returns its URL. `name`: lower-case letters, digits and `_`.
 */
export async function freshDatabase(name: string): Promise<string> {
  if (!/^[a-z0-9_]{1,50}$/.test(name)) {
    throw new Error(`freshDatabase: '${name}' is not a database name of a-z, 0-9 and _ (at most 50)`);
  }
  const database = `ks_${name}`;
  await ensurePostgres();
  await withClient(POSTGRES_DATABASE, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${database}`);
  });
  return postgresUrl(database);
}

/** Drops a database made by `freshDatabase` (suites call it when they are done). */
export async function dropDatabase(name: string): Promise<void> {
  if (!/^[a-z0-9_]{1,50}$/.test(name)) throw new Error(`dropDatabase: '${name}' is not a valid name`);
  await withClient(POSTGRES_DATABASE, (client) =>
    client.query(`DROP DATABASE IF EXISTS ks_${name} WITH (FORCE)`),
  );
}
