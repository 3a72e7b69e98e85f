import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../support/server';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('GET /api/health is liveness: fast, no Kafka request, the version and uptime', async ({ request }) => {
  const started = Date.now();
  const response = await request.get('/api/health');
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(response.status()).toBe(200);
  expect(response.headers()['x-kafka-requests']).toBe('0');
  expect(await response.json()).toEqual({ status: 'ok', version, uptimeSeconds: expect.any(Number) });
});

test('GET /api/metrics: requests by route pattern, Kafka requests by API, cluster up, process', async ({
  request,
}) => {
  expect((await request.get('/api/clusters/local/brokers')).status()).toBe(200);
  const response = await request.get('/api/metrics');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain');
  const text = await response.text();
  expect(text).toContain(
    'kafkascope_http_request_duration_seconds_count{method="GET",route="/api/clusters/[clusterId]/brokers",status="200"}',
  );
  // Never a raw path as a label: names in URLs would make the series unbounded.
  expect(text).not.toContain('route="/api/clusters/local');
  for (const api of ['Metadata', 'DescribeLogDirs']) {
    expect(text).toMatch(
      new RegExp(`kafkascope_kafka_request_duration_seconds_count\\{cluster="local",api="${api}"\\} [1-9]`),
    );
  }
  expect(text).toMatch(/^kafkascope_cluster_up\{cluster="local"\} 1$/m);
  expect(text).toContain(`kafkascope_build_info{version="${version}"} 1`);
  expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
});

test.describe('a console with an unreachable cluster and a metrics token', () => {
  const token = `scrape-${Date.now().toString(36)}-secret`;
  let server: RunningServer;

  test.beforeAll(async () => {
    const port = Number(process.env.E2E_PORT ?? 3199) + 1;
    server = await startServer(port, {
      KAFKA_CLUSTERS_0_NAME: 'Local',
      KAFKA_CLUSTERS_0_ID: 'local',
      KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: BOOTSTRAP,
      // Nothing listens on port 1: connections are refused.
      KAFKA_CLUSTERS_1_NAME: 'Gone',
      KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: '127.0.0.1:1',
      KAFKASCOPE_METRICS_TOKEN: token,
      KAFKASCOPE_LOG_LEVEL: 'debug',
    });
  });
  test.afterAll(async () => server?.stop());

  test('readiness stays 200 with one cluster down (the console still serves), naming each cluster within its bound', async () => {
    const started = Date.now();
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(body).toEqual({
      status: 'degraded',
      clusters: [
        expect.objectContaining({ id: 'local', status: 'up', brokers: 3, error: null }),
        expect.objectContaining({ id: 'gone', name: 'Gone', status: 'down', brokers: null }),
      ],
    });
    expect(body.clusters[1].error).toMatch(/Gone|127\.0\.0\.1:1|refused|answer/i);
    expect(body.clusters[1].error.length).toBeLessThanOrEqual(200);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  test('a storm of anonymous probes and scrapes costs Kafka one check a second, not one per call', async () => {
    const scrape = () =>
      fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } }).then((r) =>
        r.text(),
      );
    const metadataRequests = (text: string) =>
      Number(
        /^kafkascope_kafka_request_duration_seconds_count\{cluster="local",api="Metadata"\} (\d+)$/m.exec(
          text,
        )?.[1] ?? 0,
      );
    const before = metadataRequests(await scrape());
    const started = Date.now();
    // 20 callers, 15 probes each, one after another on each caller: 300 probes and 20 scrapes.
    await Promise.all(
      Array.from({ length: 20 }, async (_, caller) => {
        for (let i = 0; i < 15; i++) {
          const response = await fetch(`${server.url}/api/health/ready`);
          expect(response.status).toBe(200);
          await response.arrayBuffer();
        }
        if (caller % 2 === 0) await scrape();
      }),
    );
    const seconds = (Date.now() - started) / 1_000;
    const cost = metadataRequests(await scrape()) - before;
    // One shared check a second, at most: a few Metadata requests, never one per probe.
    expect(cost).toBeLessThanOrEqual(Math.ceil(seconds) + 3);
  });

  test('metrics need the bearer token, and then report the dead cluster down', async () => {
    const without = await fetch(`${server.url}/api/metrics`);
    expect(without.status).toBe(401);
    expect(await without.json()).toEqual({
      error: { code: 'unauthorized', message: 'Metrics need a valid bearer token' },
    });
    const wrong = await fetch(`${server.url}/api/metrics`, {
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    const text = await right.text();
    expect(text).toMatch(/^kafkascope_cluster_up\{cluster="local"\} 1$/m);
    expect(text).toMatch(/^kafkascope_cluster_up\{cluster="gone"\} 0$/m);
  });

  test('logs are JSON lines: one access line per request, probes at debug, never the token', async () => {
    const brokers = await fetch(`${server.url}/api/clusters/local/brokers`);
    expect(brokers.status).toBe(200);
    await fetch(`${server.url}/api/clusters/gone/topics/orders`);
    await expect
      .poll(() => server.lines().filter((l) => l.json?.msg === 'request').length)
      .toBeGreaterThan(4);
    const lines = server.lines();
    // Next's own start-up banner is plain text; everything the console writes is JSON.
    const plain = lines.filter((l) => l.json === null).map((l) => l.raw.trim());
    for (const line of plain)
      expect(line).toMatch(/^(▲ Next\.js|- (Local|Network):|✓ (Ready|Running|Starting))/);
    const access = lines.flatMap((l) => (l.json?.msg === 'request' ? [l.json] : []));
    expect(access).toContainEqual(
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        route: '/api/clusters/[clusterId]/brokers',
        status: 200,
        durationMs: expect.any(Number),
        kafkaRequests: Number(brokers.headers.get('x-kafka-requests')),
      }),
    );
    expect(access).toContainEqual(
      expect.objectContaining({ level: 'info', route: '/api/clusters/[clusterId]/topics/[topic]' }),
    );
    expect(access).toContainEqual(
      expect.objectContaining({ level: 'debug', route: '/api/health', status: 200 }),
    );
    expect(access).toContainEqual(
      expect.objectContaining({ level: 'debug', route: '/api/metrics', status: 401 }),
    );
    expect(lines.map((l) => l.raw).join('\n')).not.toContain(token);
  });
});
