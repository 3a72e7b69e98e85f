import { expect, test } from '@playwright/test';

const base = '/api/clusters/local';
const topic = `e2e-api-${Date.now().toString(36)}`;

test.afterAll(async ({ request }) => {
  await request.delete(`${base}/topics/${topic}`);
});

test('topic lifecycle through the API, with clear 4xx answers for bad input', async ({ request }) => {
  const created = await request.post(`${base}/topics`, {
    data: { name: topic, partitions: 3, replicationFactor: 2 },
  });
  expect(created.status()).toBe(200);
  expect(await created.json()).toMatchObject({ name: topic, partitions: 3, replicationFactor: 2 });

  const cases: [string, unknown, number, string, RegExp][] = [
    [
      'POST',
      { name: 'bad name!', partitions: 1, replicationFactor: 1 },
      400,
      'validation_failed',
      /name: Topic names use/,
    ],
    [
      'POST',
      { name: `${topic}-x`, partitions: 1, replicationFactor: 9 },
      400,
      'validation_failed',
      /larger than the 3 broker/,
    ],
    ['POST', { name: topic, partitions: 1, replicationFactor: 1 }, 409, 'conflict', /already exists/],
    [
      'POST',
      { name: `${topic}-y`, partitions: 0, replicationFactor: 1 },
      400,
      'validation_failed',
      /partitions/,
    ],
  ];
  for (const [, data, status, code, message] of cases) {
    const response = await request.post(`${base}/topics`, { data });
    expect(response.status(), JSON.stringify(data)).toBe(status);
    const body = await response.json();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
  }

  const fewer = await request.post(`${base}/topics/${topic}/partitions`, { data: { count: 2 } });
  expect(fewer.status()).toBe(400);
  expect((await fewer.json()).error.message).toMatch(/must be larger/);

  const unknownConfig = await request.patch(`${base}/topics/${topic}/configs`, {
    data: { set: { 'bogus.key': '1' } },
  });
  expect(unknownConfig.status()).toBe(400);

  const notJson = await request.post(`${base}/topics`, {
    data: 'not json',
    headers: { 'content-type': 'application/json' },
  });
  expect(notJson.status()).toBe(400);

  const missing = await request.get(`${base}/topics/${topic}-missing`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({
    error: { code: 'not_found', message: `Topic "${topic}-missing" does not exist` },
  });

  const list = await request.get(`${base}/topics?q=${topic}&pageSize=10`);
  expect((await list.json()).items.map((t: { name: string }) => t.name)).toEqual([topic]);
  const badQuery = await request.get(`${base}/topics?pageSize=100000`);
  expect(badQuery.status()).toBe(400);

  const deleted = await request.delete(`${base}/topics/${topic}`);
  expect(deleted.status()).toBe(200);
  expect((await request.get(`${base}/topics/${topic}`)).status()).toBe(404);
});

test('a topics page costs Kafka requests per broker, not per partition, and nothing while it is kept fresh', async ({
  request,
}) => {
  const topicsPage = async () => {
    const response = await request.get(`${base}/topics?pageSize=50`);
    expect(response.status()).toBe(200);
    return Number(response.headers()['x-kafka-requests']);
  };
  // A change made through the console drops the shared reads: the next page goes to Kafka.
  const changed = async () => {
    const name = `${topic}-cost-${Math.random().toString(36).slice(2, 8)}`;
    expect(
      (
        await request.post(`${base}/topics`, { data: { name, partitions: 1, replicationFactor: 1 } })
      ).status(),
    ).toBe(200);
    expect((await request.delete(`${base}/topics/${name}`)).status()).toBe(200);
  };
  // 1 Metadata + 1 DescribeQuorum + 2 ListOffsets and 1 DescribeLogDirs per broker (3) = 11 at most,
  // whatever the number of topics and partitions. The lower of two answers: kafkajs's own periodic
  // broker refresh, or a reconnection, can fall inside one of them and be counted with it.
  await changed();
  const first = await topicsPage();
  await changed();
  const second = await topicsPage();
  const cold = Math.min(first, second);
  expect(cold).toBeGreaterThanOrEqual(5);
  expect(cold).toBeLessThanOrEqual(11);
  // The next answers come from the reads the server refreshes in the background while the page is
  // open: no request of their own, however long the page stays.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await topicsPage()).toBe(0);
  }
});

test('broker configs mask sensitive values and name their source', async ({ request }) => {
  const response = await request.get(`${base}/brokers/1/configs`);
  expect(response.status()).toBe(200);
  const { configs } = await response.json();
  const byName = new Map(configs.map((c: { name: string }) => [c.name, c]));
  expect(byName.get('node.id')).toMatchObject({ value: '1', source: 'static' });
  for (const c of configs as { sensitive: boolean; value: string | null }[])
    if (c.sensitive) expect(c.value).toBeNull();
  expect((await request.get(`${base}/brokers/42/configs`)).status()).toBe(404);
  expect((await request.get(`${base}/brokers/abc`)).status()).toBe(400);
});

test('the quorum names the active controller and its voters', async ({ request }) => {
  const quorum = await (await request.get(`${base}/quorum`)).json();
  expect(quorum.controllerMode).toBe('kraft');
  expect(
    quorum.replicas
      .filter((r: { role: string }) => r.role !== 'observer')
      .map((r: { id: number }) => r.id)
      .sort(),
  ).toEqual([1, 2, 3]);
  expect(quorum.replicas.find((r: { role: string }) => r.role === 'leader').id).toBe(quorum.leaderId);
});
