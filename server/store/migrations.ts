import 'server-only';
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { StoreTables } from '@/server/store/tables';

type Dialect = 'embedded' | 'postgres';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Kysely<any>['schema'];

/**
 * The store's schema, one version after another, written with Kysely's schema builder so that one
 * text serves SQLite and PostgreSQL. A released migration is never edited: a change is a new version.
 */
export const MIGRATIONS: {
  version: number;
  name: string;
  up: (schema: Schema, dialect: Dialect) => Promise<void>;
}[] = [
  {
    version: 1,
    name: 'lag history and leases',
    async up(schema, dialect) {
      await schema
        .createTable('leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await schema
        .createTable('store_marks')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await schema
        .createTable('lag_series')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('partition', 'integer', (c) => c.notNull())
        .addUniqueConstraint('lag_series_key', ['cluster_id', 'group_id', 'topic', 'partition'])
        .execute();
      await schema
        .createTable('lag_points')
        .addColumn('series_id', 'integer', (c) => c.notNull().references('lag_series.id').onDelete('cascade'))
        .addColumn('t', 'bigint', (c) => c.notNull())
        .addColumn('lag', 'bigint', (c) => c.notNull())
        .addColumn('committed', 'bigint', (c) => c.notNull())
        .addColumn('log_end', 'bigint', (c) => c.notNull())
        .addColumn('time_lag_ms', 'bigint')
        .addPrimaryKeyConstraint('lag_points_pk', ['series_id', 't'])
        .execute();
      await schema.createIndex('lag_points_t').on('lag_points').column('t').execute();
      await schema
        .createTable('lag_rollups')
        .addColumn('series_id', 'integer', (c) => c.notNull().references('lag_series.id').onDelete('cascade'))
        .addColumn('bucket', 'bigint', (c) => c.notNull())
        .addColumn('lag_min', 'bigint', (c) => c.notNull())
        .addColumn('lag_max', 'bigint', (c) => c.notNull())
        .addColumn('lag_last', 'bigint', (c) => c.notNull())
        .addColumn('time_lag_max', 'bigint')
        .addColumn('time_lag_last', 'bigint')
        .addColumn('committed_last', 'bigint', (c) => c.notNull())
        .addColumn('log_end_last', 'bigint', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('lag_rollups_pk', ['series_id', 'bucket'])
        .execute();
      await schema.createIndex('lag_rollups_bucket').on('lag_rollups').column('bucket').execute();
      await schema
        .createTable('watched_groups')
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('group_id', 'text', (c) => c.notNull())
        .addColumn('until', 'bigint', (c) => c.notNull())
        .addColumn('live_until', 'bigint', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('watched_groups_pk', ['cluster_id', 'group_id'])
        .execute();
    },
  },
  {
    version: 2,
    name: 'alerts',
    async up(schema, dialect) {
      const id = dialect === 'postgres' ? 'serial' : 'integer';
      const key = (c: ColumnDefinitionBuilder) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement();
      await schema
        .createTable('alert_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('spec', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await schema
        .createTable('alert_channels')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('secret', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await schema
        .createTable('alert_states')
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('since', 'bigint', (c) => c.notNull())
        .addColumn('fired_at', 'bigint')
        .addColumn('value', 'double precision')
        .addColumn('threshold', 'double precision')
        .addColumn('detail', 'text')
        .addColumn('notified', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('alert_states_pk', ['rule_id', 'cluster_id', 'subject'])
        .execute();
      await schema
        .createTable('alert_events')
        .addColumn('id', id, key)
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('rule_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('threshold', 'double precision')
        .addColumn('detail', 'text')
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('silenced', 'integer', (c) => c.notNull().defaultTo(0))
        .addUniqueConstraint('alert_events_transition', [
          'rule_id',
          'cluster_id',
          'subject',
          'state',
          'started_at',
        ])
        .execute();
      await schema.createIndex('alert_events_at').on('alert_events').column('at').execute();
      await schema
        .createTable('alert_deliveries')
        .addColumn('id', id, key)
        .addColumn('event_id', 'integer', (c) =>
          c.notNull().references('alert_events.id').onDelete('cascade'),
        )
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_at', 'bigint', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('delivered_at', 'bigint')
        .addUniqueConstraint('alert_deliveries_once', ['event_id', 'channel'])
        .execute();
      await schema
        .createIndex('alert_deliveries_due')
        .on('alert_deliveries')
        .columns(['status', 'next_at'])
        .execute();
      await schema
        .createTable('alert_silences')
        .addColumn('id', id, key)
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('cluster_id', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('until', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .execute();
    },
  },
];

/**
 * A transaction that holds the write lock from its first statement: SQLite's BEGIN IMMEDIATE (a
 * deferred one would read, then wait for the lock, then act on what it read before); PostgreSQL's
 * ordinary one under the advisory lock already held.
 */
async function exclusively<T>(
  conn: Kysely<StoreTables>,
  dialect: Dialect,
  fn: (tx: Kysely<StoreTables>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return conn.transaction().execute(fn);
  await sql`BEGIN IMMEDIATE`.execute(conn);
  try {
    const result = await fn(conn);
    await sql`COMMIT`.execute(conn);
    return result;
  } catch (error) {
    await sql`ROLLBACK`.execute(conn).catch(() => undefined);
    throw error;
  }
}

/** An arbitrary constant: PostgreSQL's advisory lock that lets one process migrate while the others wait. */
const MIGRATION_LOCK = 7_215_004_361;

/**
 * Brings the schema to the newest version, each migration in its own transaction. Several console
 * processes starting at once take turns (PostgreSQL: an advisory lock; SQLite: its write lock, taken
 * by the first write of the transaction), and the later ones find the work done. A store newer than
 * this build (after a downgrade) is refused, not changed.
 */
export async function migrate(
  db: Kysely<StoreTables>,
  dialect: Dialect,
): Promise<{ applied: number[]; version: number }> {
  return db.connection().execute(async (conn) => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await conn.schema
        .createTable('kafkascope_migrations')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'bigint', (c) => c.notNull())
        .execute();
      const known = Math.max(...MIGRATIONS.map((m) => m.version));
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        const done = await exclusively(conn, dialect, async (tx) => {
          const versions = (await tx.selectFrom('kafkascope_migrations').select('version').execute()).map(
            (r) => r.version,
          );
          const newest = Math.max(0, ...versions);
          if (newest > known) {
            throw new Error(
              `the store's schema is version ${newest}, newer than this console knows (${known}): run a newer console or a copy of the store`,
            );
          }
          if (versions.includes(m.version)) return true;
          await m.up(tx.schema, dialect);
          await tx
            .insertInto('kafkascope_migrations')
            .values({ version: m.version, name: m.name, applied_at: Date.now() })
            .execute();
          return false;
        });
        if (!done) applied.push(m.version);
      }
      return { applied, version: known };
    } finally {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
