import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import { log } from '@/server/log';
import type { Store } from '@/server/store';

/** This process, as lease holders are named: readable in the table, unique across restarts. */
export const PROCESS_ID = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;

/** The database's clock, so that processes whose clocks differ agree on when a lease ends. */
const nowMs = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/**
 * Takes or renews the lease `name` for `ttlMs`: succeeds if nobody holds it, this process holds it,
 * or the holder let it run out. One statement, so two processes asking at once cannot both win.
 */
export async function tryLease(store: Store, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const rows = await sql<{ holder: string }>`
    INSERT INTO leases (name, holder, expires_at) VALUES (${name}, ${holder}, ${nowMs} + ${ttlMs})
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
      WHERE leases.holder = EXCLUDED.holder OR leases.expires_at < ${nowMs}
    RETURNING holder`.execute(store.db);
  return rows.rows.length === 1 && rows.rows[0]!.holder === holder;
}

export async function releaseLease(store: Store, name: string, holder: string): Promise<void> {
  await store.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}

export async function leaseHolder(
  store: Store,
  name: string,
): Promise<{ holder: string; expiresAt: number } | null> {
  const row = await store.db
    .selectFrom('leases')
    .select(['holder', 'expires_at'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? { holder: row.holder, expiresAt: row.expires_at } : null;
}

export interface Leadership {
  /** True while this process holds the lease and its last renewal is recent enough to trust. */
  isLeader(): boolean;
  stop(): Promise<void>;
}

/**
 * Keeps trying to hold `name`: renewed every third of its time to live, so a live holder keeps it
 * and a dead one's runs out within `ttlMs` for another process to take. A process that cannot reach
 * the store stops counting itself the holder before its lease could have been taken over.
 */
export function holdLease(
  store: () => Promise<Store>,
  name: string,
  options: { ttlMs?: number; holder?: string; onChange?: (leader: boolean) => void } = {},
): Leadership {
  const ttlMs = options.ttlMs ?? 30_000;
  const holder = options.holder ?? PROCESS_ID;
  let validUntil = 0;
  let leader = false;
  let stopped = false;
  const set = (value: boolean) => {
    if (value === leader) return;
    leader = value;
    log('info', value ? 'took the lease' : 'gave up the lease', { lease: name, holder });
    options.onChange?.(value);
  };
  const attempt = async () => {
    if (stopped) return;
    const started = Date.now();
    try {
      const won = await tryLease(await store(), name, holder, ttlMs);
      // Counted from before the request: the database's expiry is at least that late.
      validUntil = won ? started + ttlMs - 2_000 : 0;
      set(won);
    } catch {
      if (Date.now() >= validUntil) set(false);
    }
  };
  void attempt();
  const timer = setInterval(() => void attempt(), Math.max(1_000, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    isLeader: () => leader && Date.now() < validUntil,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (leader) await releaseLease(await store(), name, holder).catch(() => undefined);
      set(false);
    },
  };
}
