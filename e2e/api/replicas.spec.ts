import pg from 'pg';
import { expect, test } from '@playwright/test';
import { BOOTSTRAP, kcatConsume } from '../../dev/kafka/local-cluster';
import { dropDatabase, ensurePostgres, freshDatabase } from '../../dev/postgres/local-postgres';
import { startServer, type RunningServer } from '../support/server';
import { produceEvenly, testKafka } from '../support/kafka';

// Two consoles on one PostgreSQL: exactly one samples lag (it holds the sampler's lease), both
// serve the same history, and when the sampling one dies the other takes over within a minute.
const run = Date.now().toString(36);
const topic = `e2e-replicas-${run}`;
const group = `e2e-replicas-group-${run}`;
const BASE_PORT = Number(process.env.E2E_PORT ?? 3199) + 40;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let url = '';
let db: pg.Client;
const servers: RunningServer[] = [];
let env: Record<string, string> = {};

test.beforeAll(async () => {
  await ensurePostgres();
  url = await freshDatabase('replicas');
  db = new pg.Client({ connectionString: url });
  await db.connect();
  const kafka = testKafka();
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await produceEvenly(producer, topic, 2, 10);
  // The group reads 12 of the 20 records and stops: 8 behind.
  expect(await kcatConsume(group, topic, 12)).toHaveLength(12);
  await producer.disconnect();
  env = {
    KAFKA_CLUSTERS_0_ID: 'local',
    KAFKA_CLUSTERS_0_NAME: 'Local',
    KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: BOOTSTRAP,
    KAFKASCOPE_DATABASE_URL: url,
  };
  servers.push(...(await Promise.all([startServer(BASE_PORT, env), startServer(BASE_PORT + 1, env)])));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.end();
  await dropDatabase('replicas').catch(() => undefined);
  const admin = testKafka().admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.deleteGroups([group]).catch(() => undefined);
  await admin.disconnect();
});

const holderPid = async () => {
  const { rows } = await db.query<{ holder: string }>(`SELECT holder FROM leases WHERE name = 'lag-sampler'`);
  return rows[0] ? Number(rows[0].holder.split('/')[1]) : null;
};

/** Points of the group's whole-group series, from the store itself. */
const points = async () => {
  const { rows } = await db.query<{ t: string; lag: string }>(
    `SELECT p.t, p.lag FROM lag_points p JOIN lag_series s ON s.id = p.series_id
     WHERE s.group_id = $1 AND s.topic = '' ORDER BY p.t`,
    [group],
  );
  return rows.map((r) => ({ t: Number(r.t), lag: Number(r.lag) }));
};

async function until<T>(what: string, check: () => Promise<T | null | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('one console samples, both serve its history, and the other takes over when it dies', async ({
  request,
}) => {
  const pids = servers.map((s) => s.pid);
  const leaderPid = await until(
    'a lease holder',
    async () => {
      const pid = await holderPid();
      return pid !== null && pids.includes(pid) ? pid : null;
    },
    30_000,
  );
  const leader = servers.find((s) => s.pid === leaderPid)!;
  const other = servers.find((s) => s.pid !== leaderPid)!;

  // Sampled once a minute, and the first round comes at once: one point, with the lag kcat left.
  const first = await until(
    'a first sample',
    async () => ((await points()).length > 0 ? points() : null),
    30_000,
  );
  expect(first.at(-1)!.lag).toBe(8);
  // Only the holder writes: no second point within the minute (the other process does not sample).
  await new Promise((r) => setTimeout(r, 5_000));
  expect((await points()).length).toBe(first.length);

  // Both consoles answer the chart from the shared store.
  for (const s of servers) {
    const res = await request.get(
      `${s.url}/api/clusters/local/lag-history?series=${encodeURIComponent(`::${group}`)}`,
    );
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { series: { points: { lag: number }[] }[] };
    expect(body.series[0]!.points.map((p) => p.lag)).toEqual(first.map((p) => p.lag));
  }

  await leader.kill();
  const killedAt = Date.now();
  await until('the other console to take the lease', async () => (await holderPid()) === other.pid, 60_000);
  const takeoverMs = Date.now() - killedAt;
  expect(takeoverMs).toBeLessThan(60_000);
  // And it samples: a new point after the kill, written by the survivor.
  const after = await until(
    'a sample by the survivor',
    async () => {
      const list = await points();
      return list.some((p) => p.t > killedAt) ? list : null;
    },
    30_000,
  );
  expect(after.at(-1)!.lag).toBe(8);
  test.info().annotations.push({ type: 'takeover', description: `${takeoverMs} ms after SIGKILL` });

  // A console stopped the usual way (SIGTERM, as `docker stop` does) hands the lease back: a third
  // one takes it at its next try (every 10 s), not after the 30 s the lease would take to run out.
  // Its own port: the killed console's may be either of the first two, and the survivor holds the other.
  const third = await startServer(BASE_PORT + 2, env);
  servers.push(third);
  await new Promise((r) => setTimeout(r, 2_000));
  expect(await holderPid()).toBe(other.pid);
  const stoppedAt = Date.now();
  await other.stop();
  await until('the third console to take the lease', async () => (await holderPid()) === third.pid, 30_000);
  const handoverMs = Date.now() - stoppedAt;
  expect(handoverMs).toBeLessThan(15_000);
  test.info().annotations.push({ type: 'handover', description: `${handoverMs} ms after SIGTERM` });
});
