/**
 * Lag history at scale: sampling --groups consumer groups (default 1,000) over --topics topics
 * (default 100, each group committed on two of them) on the local cluster, into each store kind
 * (the embedded SQLite file and, when the local PostgreSQL runs, a database of its own), and reading
 * it back as users do. Prints, per store:
 *   - one sample of every group: ms and Kafka requests (median of --runs), and the points written;
 *   - store growth per group per day: bytes on disk after --hours of minute samples, scaled to a day
 *     (full-resolution points, kept 48 h) and of a day of 15-minute buckets (kept 30 days);
 *   - a 30-day chart of one group (the whole group and its two topics) on a store holding 30 days
 *     of buckets for every group: ms, median of --runs (goal: under 200 ms);
 *   - the groups list sorted by time lag (page 1, 50 rows): cold and warm ms (goal: under 1 s).
 *
 *   npx tsx --conditions=react-server bench/lag.ts [--groups 1000] [--topics 100] [--runs 5] [--hours 6]
 *     [--delete]
 *
 * Topics bench-lag-* and groups bench-lag-group-* are reused between runs; --delete removes them.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { sql } from 'kysely';
import { BOOTSTRAP, ensureCluster } from '../dev/kafka/local-cluster';
import { dropDatabase, freshDatabase, postgresIsUp } from '../dev/postgres/local-postgres';
import { loadConfig } from '../server/config/clusters';
import { disconnectAll, withRequestCount } from '../server/kafka';
import { invalidate } from '../server/services/cache';
import { listGroups } from '../server/services/groups';
import { sampleCluster } from '../server/services/lag-sampler';
import { openStore, type Store, type StoreSettings } from '../server/store';
import { readSeries, ROLLUP_BUCKET_MS, writeSamples, type LagSample } from '../server/store/lag-store';
import { median, numberArg } from './support';

const GROUPS = numberArg('groups', 1_000);
const TOPICS = numberArg('topics', 100);
const RUNS = numberArg('runs', 5);
const HOURS = numberArg('hours', 6);
const PARTITIONS = 3;
const retention = { rawMs: 48 * 3_600_000, rollupMs: 30 * 86_400_000 };
const topicName = (i: number) => `bench-lag-${String(i).padStart(3, '0')}`;
const groupName = (i: number) => `bench-lag-group-${String(i).padStart(4, '0')}`;

async function buildShape(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const have = new Set(await admin.listTopics());
  const topics = Array.from({ length: TOPICS }, (_, i) => topicName(i)).filter((t) => !have.has(t));
  if (topics.length) {
    await admin.createTopics({
      topics: topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    const producer = kafka.producer();
    await producer.connect();
    for (const topic of topics) {
      await producer.send({
        topic,
        messages: Array.from({ length: PARTITIONS * 200 }, (_, i) => ({
          partition: i % PARTITIONS,
          value: `m${i}`,
        })),
      });
    }
    await producer.disconnect();
  }
  const groups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
  const missing = Array.from({ length: GROUPS }, (_, i) => i).filter((i) => !groups.has(groupName(i)));
  // Each group committed on two topics, at offsets that leave it 0 to 199 behind per partition.
  for (let k = 0; k < missing.length; k += 100) {
    await Promise.all(
      missing.slice(k, k + 100).map(async (i) => {
        for (const topic of [topicName(i % TOPICS), topicName((i + 1) % TOPICS)]) {
          await admin.setOffsets({
            groupId: groupName(i),
            topic,
            partitions: Array.from({ length: PARTITIONS }, (_, p) => ({
              partition: p,
              offset: String((i * 7 + p) % 200),
            })),
          });
        }
      }),
    );
  }
  await admin.disconnect();
  console.log(
    `shape: ${TOPICS} topics x ${PARTITIONS}, ${GROUPS} groups (created ${topics.length} topics, ${missing.length} groups)`,
  );
}

async function storeBytes(store: Store, settings: StoreSettings): Promise<number> {
  if (settings.kind === 'embedded') {
    // The write-ahead log folded into the file first, so that the file's size is the store's.
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(store.db);
    return statSync(path.join(settings.dataDir, 'kafkascope.db')).size;
  }
  const { rows } = await sql<{ bytes: string }>`SELECT (pg_total_relation_size('lag_points')
    + pg_total_relation_size('lag_rollups') + pg_total_relation_size('lag_series'))::text AS bytes`.execute(
    store.db,
  );
  return Number(rows[0]!.bytes);
}

async function benchStore(name: string, settings: StoreSettings, one: LagSample[]) {
  const store = await openStore(settings);
  const cluster = 'bench';
  const groupIds = [...new Set(one.map((s) => s.groupId))];
  const now = Date.now();
  // Growth: --hours of minute samples.
  const before = await storeBytes(store, settings);
  const writes: number[] = [];
  for (let m = HOURS * 60; m > 0; m--) {
    const t = now - m * 60_000;
    const started = performance.now();
    await writeSamples(
      store,
      cluster,
      one.map((s) => ({ ...s, t, lag: s.lag + (m % 7) })),
    );
    writes.push(performance.now() - started);
  }
  const rawBytes = (await storeBytes(store, settings)) - before;
  const rawPerGroupDay = (rawBytes / groupIds.length / (HOURS * 60)) * 1_440;
  // 30 days of buckets for every series.
  const series = await store.db
    .selectFrom('lag_series')
    .select('id')
    .where('cluster_id', '=', cluster)
    .execute();
  const beforeRollups = await storeBytes(store, settings);
  const days = 30;
  const firstBucket = Math.floor((now - days * 86_400_000) / ROLLUP_BUCKET_MS) * ROLLUP_BUCKET_MS;
  const started = performance.now();
  for (let b = firstBucket; b < now - 48 * 3_600_000; b += ROLLUP_BUCKET_MS) {
    const rows = series.map((s) => ({
      series_id: s.id,
      bucket: b,
      lag_min: 1,
      lag_max: 100,
      lag_last: 50,
      time_lag_max: 60_000,
      time_lag_last: 30_000,
      committed_last: b / 1000,
      log_end_last: b / 1000 + 50,
      points: 15,
    }));
    await store.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 500)
        await tx
          .insertInto('lag_rollups')
          .values(rows.slice(i, i + 500))
          .execute();
    });
  }
  const fillMs = performance.now() - started;
  const bucketsPerSeries = Math.floor((now - 48 * 3_600_000 - firstBucket) / ROLLUP_BUCKET_MS);
  const rollupPerGroupDay =
    ((await storeBytes(store, settings)) - beforeRollups) / groupIds.length / (bucketsPerSeries / 96);
  const target = groupIds[0]!;
  const keys = [
    { groupId: target, topic: '', partition: -1 },
    ...one
      .filter((s) => s.groupId === target && s.topic !== '')
      .map((s) => ({ groupId: target, topic: s.topic, partition: -1 })),
  ];
  const chart: number[] = [];
  let pointsRead = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const answer = await readSeries(
      store,
      cluster,
      keys,
      { from: now - days * 86_400_000, to: now, maxPoints: 1_000 },
      retention,
      now,
    );
    chart.push(performance.now() - t0);
    pointsRead = [...answer.series.values()].reduce((s, p) => s + p.length, 0);
  }
  await store.close();
  console.log(
    [
      `store ${name}:`,
      `  one round (${one.length} points): write median ${median(writes).toFixed(1)} ms, p95 ${[...writes].sort((a, b) => a - b)[Math.floor(writes.length * 0.95)]!.toFixed(1)} ms`,
      `  growth per group per day: ${Math.round(rawPerGroupDay).toLocaleString('en-US')} B of minute points (kept 48 h), ${Math.round(rollupPerGroupDay).toLocaleString('en-US')} B of 15-min buckets (kept 30 d)`,
      `  30 days of buckets for ${series.length} series written in ${(fillMs / 1000).toFixed(1)} s`,
      `  30-day chart of one group (${keys.length} series, ${pointsRead} points): median ${median(chart).toFixed(1)} ms of ${RUNS}`,
    ].join('\n'),
  );
}

async function main() {
  ensureCluster();
  // The groups list marks the groups it shows in the process's store: a throwaway one, not ./data.
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-lag-process-'));
  process.env.KAFKASCOPE_DATA_DIR = scratch;
  const kafka = new Kafka({
    clientId: 'bench-lag',
    brokers: BOOTSTRAP.split(','),
    logLevel: logLevel.NOTHING,
  });
  await buildShape(kafka);
  const local = loadConfig({}).clusters[0]!;
  // Sampling every group: the cost of one round, as the sampler pays it every minute.
  const samples: { ms: number; requests: number; points: number; groups: number }[] = [];
  let last: LagSample[] = [];
  for (let r = 0; r < RUNS; r++) {
    invalidate(`${local.id}/`);
    const t0 = performance.now();
    const { result, kafkaRequests } = await withRequestCount(() => sampleCluster(local, 'all', new Set()));
    samples.push({
      ms: performance.now() - t0,
      requests: kafkaRequests,
      points: result.length,
      groups: new Set(result.map((s) => s.groupId)).size,
    });
    last = result;
  }
  const mine = last.filter((s) => s.groupId.startsWith('bench-lag-group-'));
  console.log(
    `sample of every group (${samples[0]!.groups} groups on the cluster, ${samples[0]!.points} points): median ${median(samples.map((s) => s.ms)).toFixed(0)} ms, ${median(samples.map((s) => s.requests))} Kafka requests (runs: ${samples.map((s) => `${s.ms.toFixed(0)} ms/${s.requests}`).join(', ')})`,
  );
  console.log(
    `  time lag read for ${mine.filter((s) => s.topic === '' && s.timeLagMs !== null).length} of ${mine.filter((s) => s.topic === '').length} bench groups`,
  );

  // The groups list sorted by time lag: every group's time lag is needed for the order.
  const query = { q: 'bench-lag-group-', sort: 'maxTimeLagMs', dir: 'desc', page: 1, pageSize: 50 } as const;
  invalidate(`${local.id}/`);
  let t0 = performance.now();
  await listGroups(local, query);
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    invalidate(`${local.id}/view/`);
    await new Promise((res) => setTimeout(res, 1_100));
    t0 = performance.now();
    await listGroups(local, query);
    warm.push(performance.now() - t0);
  }
  console.log(
    `groups list by time lag (${GROUPS} groups, page of 50): cold ${cold.toFixed(0)} ms, warm median ${median(warm).toFixed(0)} ms`,
  );

  const dir = mkdtempSync(path.join(tmpdir(), 'bench-lag-'));
  try {
    await benchStore('embedded (SQLite)', { kind: 'embedded', dataDir: dir }, mine);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresIsUp()) {
    const url = await freshDatabase('bench_lag');
    try {
      await benchStore('PostgreSQL', { kind: 'postgres', url }, mine);
    } finally {
      await dropDatabase('bench_lag').catch(() => undefined);
    }
  } else console.log('store PostgreSQL: not running (npm run postgres -- start), skipped');

  if (process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups(Array.from({ length: GROUPS }, (_, i) => groupName(i))).catch(() => undefined);
    await admin.deleteTopics({ topics: Array.from({ length: TOPICS }, (_, i) => topicName(i)) });
    await admin.disconnect();
  }
  await disconnectAll();
  rmSync(scratch, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
