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
  await store.db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += 1_000) {
      await tx
        .insertInto('lag_points')
        .values(rows.slice(i, i + 1_000))
        .onConflict((oc) => oc.columns(['series_id', 't']).doNothing())
        .execute();
    }
  });
  return rows.length;
}

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
      const rows = await sql<{
        series_id: number;
        t: number;
        lag: number;
        lag_min: number;
        lag_max: number;
        time_lag_ms: number | null;
        committed: number;
        log_end: number;
      }>`
        SELECT series_id, (bucket / ${stepMs}) * ${stepMs} AS t,
          (array_agg(lag_last ORDER BY bucket DESC))[1] AS lag,
          min(lag_min) AS lag_min, max(lag_max) AS lag_max, max(time_lag_max) AS time_lag_ms,
          (array_agg(committed_last ORDER BY bucket DESC))[1] AS committed,
          (array_agg(log_end_last ORDER BY bucket DESC))[1] AS log_end
        FROM lag_rollups
        WHERE series_id = ANY(${ids}) AND bucket >= ${range.from - (range.from % stepMs)} AND bucket < ${rollupTo}
        GROUP BY 1, 2 ORDER BY 1, 2`.execute(store.db);
      for (const r of rows.rows) byId.get(r.series_id)?.push(toPoint(r));
    }
    const pointsFrom = Math.max(range.from, rollupTo === range.from ? range.from : rawFrom);
    if (pointsFrom <= range.to) {
      const step = stepMs || 1;
      const rows =
        stepMs === 0
          ? await sql<{
              series_id: number;
              t: number;
              lag: number;
              time_lag_ms: number | null;
              committed: number;
              log_end: number;
            }>`
              SELECT series_id, t, lag, time_lag_ms, committed, log_end FROM lag_points
              WHERE series_id = ANY(${ids}) AND t >= ${pointsFrom} AND t <= ${range.to}
              ORDER BY series_id, t`.execute(store.db)
          : await sql<{
              series_id: number;
              t: number;
              lag: number;
              lag_min: number;
              lag_max: number;
              time_lag_ms: number | null;
              committed: number;
              log_end: number;
            }>`
              SELECT series_id, (t / ${step}) * ${step} AS t,
                (array_agg(lag ORDER BY t DESC))[1] AS lag, min(lag) AS lag_min, max(lag) AS lag_max,
                max(time_lag_ms) AS time_lag_ms,
                (array_agg(committed ORDER BY t DESC))[1] AS committed,
                (array_agg(log_end ORDER BY t DESC))[1] AS log_end
              FROM lag_points
              WHERE series_id = ANY(${ids}) AND t >= ${pointsFrom} AND t <= ${range.to}
              GROUP BY 1, 2 ORDER BY 1, 2`.execute(store.db);
      for (const r of rows.rows) {
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
  t: number;
  lag: number;
  lag_min?: number;
  lag_max?: number;
  time_lag_ms: number | null;
  committed: number;
  log_end: number;
}): HistoryPoint {
  return {
    t: Number(r.t),
    lag: Number(r.lag),
    lagMin: Number(r.lag_min ?? r.lag),
    lagMax: Number(r.lag_max ?? r.lag),
    timeLagMs: r.time_lag_ms === null ? null : Number(r.time_lag_ms),
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
      await sql`
        INSERT INTO lag_rollups (series_id, bucket, lag_min, lag_max, lag_last, time_lag_max, time_lag_last,
                                 committed_last, log_end_last, points)
        SELECT series_id, (t / ${ROLLUP_BUCKET_MS}) * ${ROLLUP_BUCKET_MS},
          min(lag), max(lag), (array_agg(lag ORDER BY t DESC))[1],
          max(time_lag_ms), (array_agg(time_lag_ms ORDER BY t DESC))[1],
          (array_agg(committed ORDER BY t DESC))[1], (array_agg(log_end ORDER BY t DESC))[1], count(*)
        FROM lag_points WHERE t >= ${from} AND t < ${closedUntil}
        GROUP BY 1, 2
        ON CONFLICT (series_id, bucket) DO UPDATE SET
          lag_min = EXCLUDED.lag_min, lag_max = EXCLUDED.lag_max, lag_last = EXCLUDED.lag_last,
          time_lag_max = EXCLUDED.time_lag_max, time_lag_last = EXCLUDED.time_lag_last,
          committed_last = EXCLUDED.committed_last, log_end_last = EXCLUDED.log_end_last,
          points = EXCLUDED.points`.execute(tx);
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
  await sql`
    DELETE FROM lag_series s WHERE NOT EXISTS (SELECT 1 FROM lag_points p WHERE p.series_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM lag_rollups r WHERE r.series_id = s.id)`.execute(store.db);
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
  await store.db
    .insertInto('watched_groups')
    .values(groupIds.map((g) => ({ cluster_id: clusterId, group_id: g, until, live_until: marks.liveUntil })))
    .onConflict((oc) =>
      oc.columns(['cluster_id', 'group_id']).doUpdateSet({
        until: sql`greatest(watched_groups.until, EXCLUDED.until)`,
        live_until: sql`greatest(watched_groups.live_until, EXCLUDED.live_until)`,
      }),
    )
    .execute();
}

/** The groups of a cluster someone looks at: `live` now, and `partitions` (sampled per partition). */
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
