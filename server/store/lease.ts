import 'server-only';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import { log } from '@/server/log';
import type { Store } from '@/server/store';

/** This process, as lease holders are named: readable in the table, unique across restarts. */
export const PROCESS_ID = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;

/**
 * The database's clock for PostgreSQL, so that processes whose clocks differ agree on when a lease
 * ends; an embedded store is shared only by processes of one host, which share a clock.
 */
const nowMs = (store: Store) =>
  store.kind === 'postgres'
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`${Date.now()}`;

/**
 * Takes or renews the lease `name` for `ttlMs`: succeeds if nobody holds it, this process holds it,
 * or the holder let it run out. One statement, so two processes asking at once cannot both win.
 */
export async function tryLease(store: Store, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = nowMs(store);
  const row = await store.db
    .insertInto('leases')
    .values({ name, holder, expires_at: sql<number>`${now} + ${ttlMs}` })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({
          holder: (eb) => eb.ref('excluded.holder'),
          expires_at: (eb) => eb.ref('excluded.expires_at'),
        })
        .where((eb) => eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<', now)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return row?.holder === holder;
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
  // The renewal under way, if any: stop() waits for it, or a renewal that lands after the release
  // would write the row back and hold the lease for another ttlMs after this process is gone.
  let inFlight: Promise<void> | null = null;
  const attempt = () => {
    if (stopped || inFlight) return inFlight ?? Promise.resolve();
    inFlight = renew().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
  const renew = async () => {
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
      await inFlight;
      if (leader) await releaseLease(await store(), name, holder).catch(() => undefined);
      set(false);
    },
  };
}
