import { expect, test } from '@playwright/test';

const base = '/api/clusters/local';
const topic = `e2e-api-msg-${Date.now().toString(36)}`;

test.afterAll(async ({ request }) => {
  await request.delete(`${base}/topics/${topic}`);
});

test('the production server produces and reads back every codec', async ({ request }) => {
  expect(
    (
      await request.post(`${base}/topics`, { data: { name: topic, partitions: 1, replicationFactor: 1 } })
    ).status(),
  ).toBe(200);
  for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    const sent = await request.post(`${base}/topics/${topic}/messages`, {
      data: { key: compression, value: `via ${compression}`, compression },
    });
    expect(sent.status(), await sent.text()).toBe(200);
  }
  const list = await (await request.get(`${base}/topics/${topic}/messages?start=oldest`)).json();
  const seen = list.messages.map(
    (m: { key: { base64: string }; value: { base64: string }; compression: string }) =>
      [m.key, m.value].map((p) => Buffer.from(p.base64, 'base64').toString()).join('=') +
      ` (${m.compression})`,
  );
  expect(seen).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd'].map((c) => `${c}=via ${c} (${c})`));
});

test('search streams Server-Sent Events and refuses a bad filter with a 400', async ({ request }) => {
  const bad = await request.get(
    `${base}/topics/${topic}/search?filter=${encodeURIComponent('json.status ==')}`,
  );
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^Filter:/);
  const response = await request.get(`${base}/topics/${topic}/search?q=${encodeURIComponent('via lz4')}`);
  expect(response.headers()['content-type']).toContain('text/event-stream');
  const body = await response.text();
  expect(body).toContain('event: messages');
  expect(body).toMatch(/event: done\ndata: \{"reason":"end","scanned":5,"matched":1/);
});
