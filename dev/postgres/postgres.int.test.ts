import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_DATABASE,
  POSTGRES_HOST,
  POSTGRES_PORT,
  POSTGRES_USER,
  dropDatabase,
  ensurePostgres,
  freshDatabase,
  postgresIsUp,
} from './local-postgres';

/** The local PostgreSQL of dev/postgres/postgres.sh, as the console's stores will use it: over TCP, with the password. */
const name = `pg_it_${process.pid}`;
let url = '';

beforeAll(async () => {
  await ensurePostgres();
  url = await freshDatabase(name);
});

afterAll(async () => {
  if (url) await dropDatabase(name);
});

async function query<T extends pg.QueryResultRow>(
  connectionString: string,
  text: string,
  values: unknown[] = [],
) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

describe('local PostgreSQL', () => {
  it('answers', async () => {
    expect(await postgresIsUp()).toBe(true);
  });

  it('gives a suite its own empty database, owned by the kafkascope role', async () => {
    expect(url).toBe(
      `postgresql://${POSTGRES_USER}:${new URL(url).password}@${POSTGRES_HOST}:${POSTGRES_PORT}/ks_${name}`,
    );
    const { rows } = await query<{ db: string; owner: string; tables: string }>(
      url,
      `SELECT current_database() AS db, pg_get_userbyid(d.datdba) AS owner,
              (SELECT count(*) FROM pg_tables WHERE schemaname = 'public') AS tables
         FROM pg_database d WHERE d.datname = current_database()`,
    );
    expect(rows).toEqual([{ db: `ks_${name}`, owner: POSTGRES_USER, tables: '0' }]);
  });

  it('writes and reads a table', async () => {
    await query(
      url,
      'CREATE TABLE lag_sample (grp text NOT NULL, at timestamptz NOT NULL, lag bigint NOT NULL)',
    );
    await query(url, 'INSERT INTO lag_sample VALUES ($1, $2, $3), ($1, $4, $5)', [
      'orders',
      '2026-01-01T00:00:00Z',
      '12',
      '2026-01-01T00:01:00Z',
      '9007199254740993',
    ]);
    const { rows } = await query<{ at: Date; lag: string }>(
      url,
      'SELECT at, lag FROM lag_sample ORDER BY at',
    );
    expect(rows.map((row) => [row.at.toISOString(), row.lag])).toEqual([
      ['2026-01-01T00:00:00.000Z', '12'],
      ['2026-01-01T00:01:00.000Z', '9007199254740993'],
    ]);
  });

  it('starts the database afresh when asked again', async () => {
    const again = await freshDatabase(name);
    expect(again).toBe(url);
    const { rows } = await query<{ n: string }>(
      url,
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(rows).toEqual([{ n: '0' }]);
  });

  it('refuses a wrong password', async () => {
    const wrong = new URL(url);
    wrong.password = 'not-the-password';
    await expect(query(wrong.href, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
  });

  it('refuses a database name it would have to quote', async () => {
    await expect(freshDatabase('x; DROP DATABASE kafkascope')).rejects.toThrow(/not a database name/);
    expect(await postgresIsUp()).toBe(true);
    const { rows } = await query(url.replace(`/ks_${name}`, `/${POSTGRES_DATABASE}`), 'SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
