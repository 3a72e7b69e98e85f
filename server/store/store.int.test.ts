import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensurePostgres, freshDatabase } from '@/dev/postgres/local-postgres';
import { openStore, type Store, type StoreSettings } from '@/server/store';
import { readSeries, rollUp, ROLLUP_BUCKET_MS, writeSamples, type LagSample } from '@/server/store/lag-store';
import { holdLease, leaseHolder, tryLease } from '@/server/store/lease';
import { MIGRATIONS } from '@/server/store/migrations';

const dirs: string[] = [];
const embedded = async (): Promise<StoreSettings> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-store-'));
  dirs.push(dir);
  return { kind: 'embedded', dataDir: dir };
};
const postgres = async (): Promise<StoreSettings> => {
  await ensurePostgres();
  return { kind: 'postgres', url: await freshDatabase('store_test') };
};
afterAll(async () => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  await dropDatabase('store_test').catch(() => undefined);
});

const retention = { rawMs: 48 * 3_600_000, rollupMs: 30 * 86_400_000 };
const HOUR = 3_600_000;

function samples(groupId: string, from: number, to: number, stepMs: number, lagAt: (t: number) => number) {
  const out: LagSample[] = [];
  for (let t = from; t <= to; t += stepMs) {
    const lag = lagAt(t);
    out.push({
      groupId,
      topic: '',
      partition: -1,
      t,
      lag,
      committed: t / 1000,
      logEnd: t / 1000 + lag,
      timeLagMs: lag * 10,
    });
    out.push({
      groupId,
      topic: 'orders',
      partition: -1,
      t,
      lag,
      committed: t / 1000,
      logEnd: t / 1000 + lag,
      timeLagMs: null,
    });
  }
  return out;
}

describe.each([
  ['embedded (SQLite)', embedded],
  ['PostgreSQL', postgres],
])('the store, %s', (_name, settings) => {
  let store: Store;
  let where: StoreSettings;
  beforeAll(async () => {
    where = await settings();
    store = await openStore(where);
  });
  afterAll(async () => store?.close());

  it('is at the newest schema version and opens again without migrating twice', async () => {
    const rows = await store.db.selectFrom('kafkascope_migrations').select('version').execute();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    // Two processes starting at once on one server: both open, one migrates, neither fails. (One
    // process opens a SQLite file once: better-sqlite3 waits for a lock synchronously.)
    const [a, b] =
      where.kind === 'postgres'
        ? await Promise.all([openStore(where), openStore(where)])
        : [await openStore(where), await openStore(where)];
    expect((await a.db.selectFrom('kafkascope_migrations').selectAll().execute()).length).toBe(
      MIGRATIONS.length,
    );
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps what it was given across a reopen, and reads a day as buckets with min, max and last', async () => {
    const now = Date.UTC(2026, 11, 2, 12, 0, 0);
    const from = now - 50 * HOUR;
    // A sawtooth: lag climbs 0..59 within each hour.
    const written = await writeSamples(
      store,
      'c1',
      samples('g1', from, now, 60_000, (t) => Math.floor((t % HOUR) / 60_000)),
    );
    expect(written).toBe(2 * (50 * 60 + 1));
    // Same instant again: dropped, not doubled.
    await writeSamples(
      store,
      'c1',
      samples('g1', now, now, 60_000, () => 5),
    );

    await store.close();
    store = await openStore(where);
    const recent = await readSeries(
      store,
      'c1',
      [{ groupId: 'g1', topic: '', partition: -1 }],
      { from: now - 15 * 60_000, to: now },
      retention,
      now,
    );
    expect(recent.stepMs).toBe(0);
    const points = recent.series.get('::g1')!;
    expect(points).toHaveLength(16);
    expect(points.at(-1)).toMatchObject({ t: now, lag: 0, timeLagMs: 0 });

    const day = await readSeries(
      store,
      'c1',
      [{ groupId: 'g1', topic: 'orders', partition: -1 }],
      { from: now - 24 * HOUR, to: now, maxPoints: 24 },
      retention,
      now,
    );
    expect(day.stepMs).toBe(HOUR);
    const buckets = day.series.get('orders::g1')!;
    expect(buckets).toHaveLength(25);
    expect(buckets[0]).toMatchObject({ lagMin: 0, lagMax: 59, lag: 59 });
  });

  it('rolls closed buckets up, drops points past their retention, and reads across both', async () => {
    const now = Date.UTC(2026, 11, 2, 12, 0, 0);
    const first = await rollUp(store, retention, now);
    expect(first.buckets).toBeGreaterThan(0);
    const left = await store.db
      .selectFrom('lag_points')
      .select((eb) => eb.fn.min('t').as('oldest'))
      .executeTakeFirstOrThrow();
    expect(Number(left.oldest)).toBeGreaterThanOrEqual(now - retention.rawMs);
    // Nothing new closed: a second run folds nothing.
    expect((await rollUp(store, retention, now)).buckets).toBe(0);

    // 50 h back reaches 2 h of rolled-up buckets whose points are gone.
    const span = await readSeries(
      store,
      'c1',
      [{ groupId: 'g1', topic: '', partition: -1 }],
      { from: now - 50 * HOUR, to: now, maxPoints: 200 },
      retention,
      now,
    );
    expect(span.stepMs).toBe(ROLLUP_BUCKET_MS);
    const pts = span.series.get('::g1')!;
    expect(pts[0]!.t).toBe(now - 50 * HOUR);
    expect(pts[0]).toMatchObject({ lagMin: 0, lagMax: 14, lag: 14 });
    const ts = pts.map((p) => p.t);
    expect(new Set(ts).size).toBe(ts.length);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });

  it('lets exactly one holder have a lease until it runs out', async () => {
    expect(await tryLease(store, 'test', 'a', 60_000)).toBe(true);
    expect(await tryLease(store, 'test', 'b', 60_000)).toBe(false);
    expect(await tryLease(store, 'test', 'a', 60_000)).toBe(true);
    expect((await leaseHolder(store, 'test'))?.holder).toBe('a');
    expect(await tryLease(store, 'short', 'a', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await tryLease(store, 'short', 'b', 60_000)).toBe(true);

    const one = holdLease(async () => store, 'held', { ttlMs: 3_000, holder: 'one' });
    const two = holdLease(async () => store, 'held', { ttlMs: 3_000, holder: 'two' });
    await new Promise((r) => setTimeout(r, 300));
    expect([one.isLeader(), two.isLeader()].filter(Boolean)).toHaveLength(1);
    const [leader, other] = one.isLeader() ? [one, two] : [two, one];
    await leader.stop();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(other.isLeader()).toBe(true);
    await other.stop();
  });
});
