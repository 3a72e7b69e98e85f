import { Writable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { countKafkaRequest } from '@/server/kafka/request-count';
import { createLogger } from '@/server/log';
import { observeRequest } from '@/server/ops/access-log';
import { metrics } from '@/server/ops/metrics';

const lines: Record<string, unknown>[] = [];
beforeEach(() => {
  lines.length = 0;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(
        ...String(chunk)
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l)),
      );
      done();
    },
  });
  // The process-wide logger lives on globalThis; point it at a buffer for these tests.
  (globalThis as { __kafkascopeLogger?: unknown }).__kafkascopeLogger = createLogger(sink, 'debug');
});

const count = async (labels: Record<string, string>) =>
  (await metrics().httpDuration.get()).values.find(
    (v) =>
      v.metricName === 'kafkascope_http_request_duration_seconds_count' &&
      Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value),
  )?.value ?? 0;

describe('access log', () => {
  it('writes one info line per request with the route pattern, status, time and Kafka requests', async () => {
    const labels = { method: 'DELETE', route: '/api/clusters/[clusterId]/topics/[topic]', status: '409' };
    const before = await count(labels);
    const request = new Request('http://console/api/clusters/prod/topics/orders', { method: 'DELETE' });
    const response = await observeRequest(request, async () => {
      countKafkaRequest();
      countKafkaRequest();
      return new Response('{}', { status: 409 });
    });
    expect(response.status).toBe(409);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'request',
        method: 'DELETE',
        route: '/api/clusters/[clusterId]/topics/[topic]',
        status: 409,
        durationMs: expect.any(Number),
        kafkaRequests: 2,
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('orders');
    expect(await count(labels)).toBe(before + 1);
  });

  it('writes probes and scrapes at debug', async () => {
    for (const path of ['/api/health', '/api/health/ready', '/api/metrics']) {
      await observeRequest(new Request(`http://console${path}`), async () => new Response('ok'));
    }
    expect(lines.map((l) => [l.level, l.route])).toEqual([
      ['debug', '/api/health'],
      ['debug', '/api/health/ready'],
      ['debug', '/api/metrics'],
    ]);
  });
});
