import 'server-only';
import { sql } from 'kysely';
import type { Store } from '@/server/store';

/** One sample of one series. `topic` '' is the whole group; `partition` -1 the whole topic or group. */
export interface LagSample {
  groupId: string;
  topic: string;
  partition: number;
  t: number;
  lag: number;
  committed: number;
  logEnd: number;
  timeLagMs: number | null;
}

export interface SeriesKey {
  groupId: string;
  topic: string;
  partition: number;
}

export interface HistoryPoint {
  t: number;
  lag: number;
  lagMin: number;
  lagMax: number;
  timeLagMs: number | null;
  committed: number;
  logEnd: number;
}

export const ROLLUP_BUCKET_MS = 15 * 60_000;

export interface Retention {
  /** Full-resolution points are kept this long (48 h by default). */
  rawMs: number;
  /** Buckets of ROLLUP_BUCKET_MS are kept this long (30 days by default). */
  rollupMs: number;
}

export function retentionFrom(env: NodeJS.ProcessEnv = process.env): Retention {
  const hours = (v: string | undefined, fallback: number, min: number, max: number) => {
    const n = v?.trim() ? Number(v) : fallback;
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new Error(`expected a number of ${min}-${max}, not "${v}"`);
    }
    return n;
  };
  return {
    rawMs: hours(env.KAFKASCOPE_LAG_RAW_RETENTION_HOURS, 48, 1, 24 * 90) * 3_600_000,
    rollupMs: hours(env.KAFKASCOPE_LAG_HISTORY_RETENTION_DAYS, 30, 1, 3_650) * 86_400_000,
  };
}

const seriesKey = (clusterId: string, s: SeriesKey) =>
  `${clusterId}\u0000${s.groupId}\u0000${s.topic}\u0000${s.partition}`;

/** Series ids by key, per store; rows are never renumbered, so the cache only grows stale by deletion. */
const idCache = new WeakMap<Store, Map<string, number>>();

async function seriesIds(store: Store, clusterId: string, keys: SeriesKey[], create: boolean) {
  let cache = idCache.get(store);
  if (!cache) idCache.set(store, (cache = new Map()));
  const missing = new Map<string, SeriesKey>();
  for (const k of keys) if (!cache.has(seriesKey(clusterId, k))) missing.set(seriesKey(clusterId, k), k);
  const list = [...missing.values()];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    if (create) {
      await store.db
        .insertInto('lag_series')
        .values(
          chunk.map((k) => ({
            cluster_id: clusterId,
            group_id: k.groupId,
            topic: k.topic,
            partition: k.partition,
          })),
        )
        .onConflict((oc) => oc.columns(['cluster_id', 'group_id', 'topic', 'partition']).doNothing())
        .execute();
    }
    const rows = await store.db
      .selectFrom('lag_series')
      .select(['id', 'group_id', 'topic', 'partition'])
      .where('cluster_id', '=', clusterId)
      .where('group_id', 'in', [...new Set(chunk.map((k) => k.groupId))])
      .execute();
    for (const r of rows)
      cache.set(seriesKey(clusterId, { groupId: r.group_id, topic: r.topic, partition: r.partition }), r.id);
  }
  return (k: SeriesKey) => cache.get(seriesKey(clusterId, k));
}

/**
 * Writes one sampling round in one transaction; a second point of a series at the same instant is
 * dropped. A series another process removed meanwhile (its retention ran) is created again.
 */
export async function writeSamples(store: Store, clusterId: string, samples: LagSample[]): Promise<number> {
  if (samples.length === 0) return 0;
  try {
    return await insertSamples(store, clusterId, samples);
  } catch (error) {
    if ((error as { code?: string }).code !== '23503') throw error; // foreign_key_violation
    idCache.delete(store);
    return insertSamples(store, clusterId, samples);
  }
}

async function insertSamples(store: Store, clusterId: string, samples: LagSample[]): Promise<number> {
  const idOf = await seriesIds(store, clusterId, samples, true);
  const rows = samples.flatMap((s) => {
    const id = idOf(s);
    return id === undefined
      ? []
      : [
          {
            series_id: id,
            t: s.t,
            lag: s.lag,
            committed: s.committed,
            log_end: s.logEnd,
            time_lag_ms: s.timeLagMs,
          },
        ];
  });
  // SQLite writes inside the call, holding up the event loop meanwhile: in chunks of 250 rows with a
  // turn of the loop between them, so that a round of thousands of series never stalls the pages for
  // more than a few milliseconds at a time. PostgreSQL takes 1,000 a statement.
  const chunk = store.kind === 'embedded' ? 250 : 1_000;
  await store.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += chunk) {
      if (i > 0 && store.kind === 'embedded') await new Promise((r) => setImmediate(r));
      await tx
        .insertInto('lag_points')
        .values(rows.slice(i, i + chunk))
        .onConflict((oc) => oc.columns(['series_id', 't']).doNothing())
        .execute();
    }
  });
  return rows.length;
}

/** Integer division of `column` into buckets of `step` ms (SQLite binds JS numbers as reals). */
const bucketOf = (column: string, step: number) =>
  sql<number>`(${sql.ref(column)} / CAST(${step} AS BIGINT)) * CAST(${step} AS BIGINT)`;

/**
 * A series between `from` and `to`, at about `maxPoints` points: full-resolution points where the
 * range allows, else buckets of `stepMs` (min, max and last lag; the largest time lag) folded from
 * the points while they are kept and from the rolled-up buckets beyond. Buckets start at multiples
 * of the step, so the same range reads the same buckets each time.
 */
export async function readSeries(
  store: Store,
  clusterId: string,
  keys: SeriesKey[],
  range: { from: number; to: number; maxPoints?: number },
  retention: Retention,
  now = Date.now(),
): Promise<{ stepMs: number; series: Map<string, HistoryPoint[]> }> {
  const idOf = await seriesIds(store, clusterId, keys, false);
  const ids = keys.flatMap((k) => idOf(k) ?? []);
  const span = Math.max(1, range.to - range.from);
  const wanted = range.maxPoints ?? 1_000;
  const rawFrom = now - retention.rawMs;
  // Below a minute per point the points are read as they are (pages add one every 5 s).
  const rawStep = span / wanted <= 60_000 ? 0 : Math.ceil(span / wanted / 60_000) * 60_000;
  const stepMs =
    range.from >= rawFrom ? rawStep : Math.ceil(span / wanted / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  const byId = new Map<number, HistoryPoint[]>(ids.map((id) => [id, []]));
  if (ids.length > 0) {
    const rollupTo = Math.max(range.from, Math.min(range.to, rawFrom));
    if (range.from < rollupTo) {
      const groups = store.db
        .selectFrom('lag_rollups')
        .select((eb) => [
          'series_id',
          bucketOf('bucket', stepMs).as('b'),
          eb.fn.max('bucket').as('last'),
          eb.fn.min('lag_min').as('lag_min'),
          eb.fn.max('lag_max').as('lag_max'),
          eb.fn.max('time_lag_max').as('time_lag_ms'),
        ])
        .where('series_id', 'in', ids)
        .where('bucket', '>=', range.from - (range.from % stepMs))
        .where('bucket', '<', rollupTo)
        .groupBy(['series_id', 'b']);
      const rows = await store.db
        .selectFrom(groups.as('g'))
        .innerJoin('lag_rollups as r', (j) =>
          j.onRef('r.series_id', '=', 'g.series_id').onRef('r.bucket', '=', 'g.last'),
        )
        .select([
          'g.series_id',
          'g.b as t',
          'r.lag_last as lag',
          'g.lag_min',
          'g.lag_max',
          'g.time_lag_ms',
          'r.committed_last as committed',
          'r.log_end_last as log_end',
        ])
        .orderBy('g.series_id')
        .orderBy('g.b')
        .execute();
      for (const r of rows) byId.get(r.series_id)?.push(toPoint(r));
    }
    const pointsFrom = Math.max(range.from, rollupTo === range.from ? range.from : rawFrom);
    if (pointsFrom <= range.to) {
      const inRange = store.db
        .selectFrom('lag_points')
        .where('series_id', 'in', ids)
        .where('t', '>=', pointsFrom)
        .where('t', '<=', range.to);
      const rows =
        stepMs === 0
          ? await inRange
              .select(['series_id', 't', 'lag', 'time_lag_ms', 'committed', 'log_end'])
              .orderBy('series_id')
              .orderBy('t')
              .execute()
          : await store.db
              .selectFrom(
                inRange
                  .select((eb) => [
                    'series_id',
                    bucketOf('t', stepMs).as('b'),
                    eb.fn.max('t').as('last'),
                    eb.fn.min('lag').as('lag_min'),
                    eb.fn.max('lag').as('lag_max'),
                    eb.fn.max('time_lag_ms').as('time_lag_ms'),
                  ])
                  .groupBy(['series_id', 'b'])
                  .as('g'),
              )
              .innerJoin('lag_points as p', (j) =>
                j.onRef('p.series_id', '=', 'g.series_id').onRef('p.t', '=', 'g.last'),
              )
              .select([
                'g.series_id',
                'g.b as t',
                'p.lag',
                'g.lag_min',
                'g.lag_max',
                'g.time_lag_ms',
                'p.committed',
                'p.log_end',
              ])
              .orderBy('g.series_id')
              .orderBy('g.b')
              .execute();
      for (const r of rows) {
        const list = byId.get(r.series_id);
        const point = toPoint(r);
        // A bucket the rolled-up part ended in is continued, not repeated.
        if (list?.at(-1)?.t === point.t) list[list.length - 1] = point;
        else list?.push(point);
      }
    }
  }
  const series = new Map<string, HistoryPoint[]>();
  for (const k of keys) series.set(seriesLabel(k), byId.get(idOf(k) ?? -1) ?? []);
  return { stepMs, series };
}

export const seriesLabel = (k: SeriesKey) => `${k.topic}:${k.partition < 0 ? '' : k.partition}:${k.groupId}`;

function toPoint(r: {
  t: unknown;
  lag: unknown;
  lag_min?: unknown;
  lag_max?: unknown;
  time_lag_ms: unknown;
  committed: unknown;
  log_end: unknown;
}): HistoryPoint {
  return {
    t: Number(r.t),
    lag: Number(r.lag),
    lagMin: Number(r.lag_min ?? r.lag),
    lagMax: Number(r.lag_max ?? r.lag),
    timeLagMs: r.time_lag_ms === null || r.time_lag_ms === undefined ? null : Number(r.time_lag_ms),
    committed: Number(r.committed),
    logEnd: Number(r.log_end),
  };
}

const ROLLED_UP = 'lag_rollups.until';

/**
 * Folds every closed bucket not yet folded into lag_rollups, then deletes points and buckets past
 * their retention and series left with neither. Resumes where it stopped (a mark in the store); a
 * minute's grace after a bucket closes lets a late sample land in it.
 */
export async function rollUp(
  store: Store,
  retention: Retention,
  now = Date.now(),
): Promise<{ buckets: number; deleted: number }> {
  const mark = await store.db
    .selectFrom('store_marks')
    .select('value')
    .where('name', '=', ROLLED_UP)
    .executeTakeFirst();
  const closedUntil = Math.floor((now - 60_000) / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  // From the mark, else from the oldest point (a first run after an upgrade folds all there is).
  let from = mark?.value;
  if (from === undefined) {
    const oldest = await store.db
      .selectFrom('lag_points')
      .select((eb) => eb.fn.min<number | null>('t').as('t'))
      .executeTakeFirst();
    from =
      oldest?.t == null ? closedUntil : Math.floor(Number(oldest.t) / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  }
  from = Math.max(from, Math.floor((now - retention.rollupMs) / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS);
  let buckets = 0;
  if (from < closedUntil) {
    await store.db.transaction().execute(async (tx) => {
      const folded = tx
        .selectFrom('lag_points')
        .select((eb) => [
          'series_id',
          bucketOf('t', ROLLUP_BUCKET_MS).as('bucket'),
          eb.fn.max('t').as('last'),
          eb.fn.min('lag').as('lag_min'),
          eb.fn.max('lag').as('lag_max'),
          eb.fn.max('time_lag_ms').as('time_lag_max'),
          eb.fn.countAll().as('points'),
        ])
        .where('t', '>=', from)
        .where('t', '<', closedUntil)
        .groupBy(['series_id', 'bucket']);
      await tx
        .insertInto('lag_rollups')
        .columns([
          'series_id',
          'bucket',
          'lag_min',
          'lag_max',
          'lag_last',
          'time_lag_max',
          'time_lag_last',
          'committed_last',
          'log_end_last',
          'points',
        ])
        .expression(
          tx
            .selectFrom(folded.as('g'))
            .innerJoin('lag_points as p', (j) =>
              j.onRef('p.series_id', '=', 'g.series_id').onRef('p.t', '=', 'g.last'),
            )
            .select([
              'g.series_id',
              'g.bucket',
              'g.lag_min',
              'g.lag_max',
              'p.lag',
              'g.time_lag_max',
              'p.time_lag_ms',
              'p.committed',
              'p.log_end',
              'g.points',
            ])
            // SQLite would read ON CONFLICT after a bare join as part of it; a WHERE ends the SELECT.
            .where(sql<boolean>`true`),
        )
        .onConflict((oc) =>
          oc.columns(['series_id', 'bucket']).doUpdateSet((eb) => ({
            lag_min: eb.ref('excluded.lag_min'),
            lag_max: eb.ref('excluded.lag_max'),
            lag_last: eb.ref('excluded.lag_last'),
            time_lag_max: eb.ref('excluded.time_lag_max'),
            time_lag_last: eb.ref('excluded.time_lag_last'),
            committed_last: eb.ref('excluded.committed_last'),
            log_end_last: eb.ref('excluded.log_end_last'),
            points: eb.ref('excluded.points'),
          })),
        )
        .execute();
      await tx
        .insertInto('store_marks')
        .values({ name: ROLLED_UP, value: closedUntil })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: closedUntil }))
        .execute();
    });
    buckets = (closedUntil - from) / ROLLUP_BUCKET_MS;
  }
  const points = await store.db
    .deleteFrom('lag_points')
    .where('t', '<', now - retention.rawMs)
    .executeTakeFirst();
  const rolled = await store.db
    .deleteFrom('lag_rollups')
    .where('bucket', '<', now - retention.rollupMs)
    .executeTakeFirst();
  await store.db
    .deleteFrom('lag_series')
    .where((eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb.selectFrom('lag_points').select('t').whereRef('lag_points.series_id', '=', 'lag_series.id'),
          ),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('lag_rollups')
              .select('bucket')
              .whereRef('lag_rollups.series_id', '=', 'lag_series.id'),
          ),
        ),
      ]),
    )
    .execute();
  idCache.delete(store);
  return { buckets, deleted: Number(points.numDeletedRows) + Number(rolled.numDeletedRows) };
}

/**
 * Marks groups as shown on a page: sampled every few seconds until `liveUntil`; with `partitionsUntil`
 * (its own page was opened) per partition too until then. Only ever extends the marks.
 */
export async function watchGroups(
  store: Store,
  clusterId: string,
  groupIds: string[],
  marks: { liveUntil: number; partitionsUntil?: number },
): Promise<void> {
  if (groupIds.length === 0) return;
  const until = marks.partitionsUntil ?? 0;
  // The later of the two marks: GREATEST in PostgreSQL, the two-argument max() in SQLite.
  const later = (column: 'until' | 'live_until') =>
    store.kind === 'postgres'
      ? sql<number>`greatest(${sql.ref(`watched_groups.${column}`)}, ${sql.ref(`excluded.${column}`)})`
      : sql<number>`max(${sql.ref(`watched_groups.${column}`)}, ${sql.ref(`excluded.${column}`)})`;
  await store.db
    .insertInto('watched_groups')
    .values(groupIds.map((g) => ({ cluster_id: clusterId, group_id: g, until, live_until: marks.liveUntil })))
    .onConflict((oc) =>
      oc
        .columns(['cluster_id', 'group_id'])
        .doUpdateSet({ until: later('until'), live_until: later('live_until') }),
    )
    .execute();
}

export async function watchedGroups(
  store: Store,
  clusterId: string,
  now = Date.now(),
): Promise<{ live: Set<string>; partitions: Set<string> }> {
  await store.db
    .deleteFrom('watched_groups')
    .where('until', '<', now)
    .where('live_until', '<', now)
    .execute();
  const rows = await store.db
    .selectFrom('watched_groups')
    .select(['group_id', 'until', 'live_until'])
    .where('cluster_id', '=', clusterId)
    .execute();
  return {
    live: new Set(rows.filter((r) => r.live_until >= now).map((r) => r.group_id)),
    partitions: new Set(rows.filter((r) => r.until >= now).map((r) => r.group_id)),
  };
}
