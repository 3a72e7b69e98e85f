import { expect, test } from '@playwright/test';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';

test('GET /api/health/ready says the local cluster answers', async ({ request }) => {
  const response = await request.get('/api/health/ready');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    status: 'ok',
    clusters: [
      expect.objectContaining({ id: 'local', status: 'up', brokers: 3 }),
      expect.objectContaining({ id: 'local-ro', status: 'up', brokers: 3 }),
    ],
  });
});

test('GET /api/clusters lists the configured clusters without credentials', async ({ request }) => {
  const body = await (await request.get('/api/clusters')).json();
  const bootstrapServers = BOOTSTRAP.split(',');
  expect(body).toEqual({
    clusters: [
      {
        id: 'local',
        name: 'Local',
        bootstrapServers,
        security: { protocol: 'PLAINTEXT', mechanism: null, clientCertificate: false },
        readOnly: false,
      },
      {
        id: 'local-ro',
        name: 'Local (read-only)',
        bootstrapServers,
        security: { protocol: 'PLAINTEXT', mechanism: null, clientCertificate: false },
        readOnly: true,
      },
    ],
  });
});

test('GET /api/clusters/local/brokers returns 3 brokers and exactly one controller', async ({ request }) => {
  const body = await (await request.get('/api/clusters/local/brokers')).json();
  expect(body.brokers.map((b: { id: number }) => b.id)).toEqual([1, 2, 3]);
  expect(body.controllerMode).toBe('kraft');
  expect(body.brokers.filter((b: { isController: boolean }) => b.isController)).toHaveLength(1);
});

test('an unknown cluster is a 404 in the one error shape', async ({ request }) => {
  const response = await request.get('/api/clusters/nope/brokers');
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({
    error: { code: 'not_found', message: 'No cluster "nope" is configured' },
  });
});
