import 'server-only';
import { sql, type Kysely } from 'kysely';
import type { StoreTables } from '@/server/store/tables';

/**
 * The store's schema, one version after another, in PostgreSQL's dialect (the embedded store is
 * PostgreSQL too). A released migration is never edited: a change is a new version.
 */
export const MIGRATIONS: { version: number; name: string; statements: string[] }[] = [
  {
    version: 1,
    name: 'lag history and leases',
    statements: [
      `CREATE TABLE leases (name text PRIMARY KEY, holder text NOT NULL, expires_at bigint NOT NULL)`,
      `CREATE TABLE lag_series (
         id serial PRIMARY KEY,
         cluster_id text NOT NULL,
         group_id text NOT NULL,
         topic text NOT NULL,
         partition integer NOT NULL,
         UNIQUE (cluster_id, group_id, topic, partition))`,
      `CREATE TABLE lag_points (
         series_id integer NOT NULL REFERENCES lag_series (id) ON DELETE CASCADE,
         t bigint NOT NULL,
         lag bigint NOT NULL,
         committed bigint NOT NULL,
         log_end bigint NOT NULL,
         time_lag_ms bigint,
         PRIMARY KEY (series_id, t))`,
      `CREATE INDEX lag_points_t ON lag_points (t)`,
      `CREATE TABLE lag_rollups (
         series_id integer NOT NULL REFERENCES lag_series (id) ON DELETE CASCADE,
         bucket bigint NOT NULL,
         lag_min bigint NOT NULL,
         lag_max bigint NOT NULL,
         lag_last bigint NOT NULL,
         time_lag_max bigint,
         time_lag_last bigint,
         committed_last bigint NOT NULL,
         log_end_last bigint NOT NULL,
         points integer NOT NULL,
         PRIMARY KEY (series_id, bucket))`,
      `CREATE INDEX lag_rollups_bucket ON lag_rollups (bucket)`,
      `CREATE TABLE store_marks (name text PRIMARY KEY, value bigint NOT NULL)`,
      `CREATE TABLE watched_groups (
         cluster_id text NOT NULL,
         group_id text NOT NULL,
         until bigint NOT NULL,
         live_until bigint NOT NULL DEFAULT 0,
         PRIMARY KEY (cluster_id, group_id))`,
    ],
  },
];

/** An arbitrary constant: the advisory lock that lets one process migrate while the others wait. */
const MIGRATION_LOCK = 7_215_004_361;

/**
 * Brings the schema to the newest version, each migration in its own transaction. Several console
 * processes starting at once on one PostgreSQL take turns on an advisory lock; the later ones find
 * the work done. A store newer than this build (after a downgrade) is refused, not changed.
 */
export async function migrate(db: Kysely<StoreTables>): Promise<{ applied: number[]; version: number }> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS kafkascope_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`.execute(conn);
      const done = new Set(
        (await conn.selectFrom('kafkascope_migrations').select('version').execute()).map((r) => r.version),
      );
      const newest = Math.max(0, ...done);
      const known = Math.max(...MIGRATIONS.map((m) => m.version));
      if (newest > known) {
        throw new Error(
          `the store's schema is version ${newest}, newer than this console knows (${known}): run a newer console or a copy of the store`,
        );
      }
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await conn.transaction().execute(async (tx) => {
          for (const statement of m.statements) await sql.raw(statement).execute(tx);
          await tx
            .insertInto('kafkascope_migrations')
            .values({ version: m.version, name: m.name, applied_at: Date.now() })
            .execute();
        });
        applied.push(m.version);
      }
      return { applied, version: known };
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
