import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type Command = PostgresQueryResult<unknown>['command'];

/**
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) as the pool Kysely's PostgresDialect
 * expects. PGlite is a single session: one client is lent at a time (a transaction's statements
 * must not interleave with another's), the next waits its turn.
 */
export function pglitePool(db: PGlite): PostgresPool {
  let queue: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const before = queue;
      queue = queue.then(() => turn);
      await before;
      let released = false;
      const client = {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const result = await db.query<R>(sql, [...parameters]);
          const command = (/^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT') as Command;
          return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        },
        release(): void {
          if (released) return;
          released = true;
          release();
        },
      };
      return client as PostgresPoolClient;
    },
    async end(): Promise<void> {
      await queue;
      await db.close();
    },
  };
}
