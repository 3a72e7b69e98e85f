import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { kafkaCli } from '../../dev/kafka/local-cluster';
import { brokers } from '../support/kafka';

const api = '/api/clusters/local';
const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const user = `ks-test-api-${id}`;
const password = `secret-${id}-Pw`;
const configs = (args: string[]) => kafkaCli('kafka-configs', ['--bootstrap-server', brokers[0]!, ...args]);

/** Removes the user's credentials and quotas through the console's API, whatever step failed. */
async function cleanUp(request: APIRequestContext, user: string): Promise<void> {
  await request.delete(`/api/clusters/local/scram-users/${user}`);
  const { entries } = await (await request.get('/api/clusters/local/quotas')).json();
  for (const e of entries as {
    entity: { type: string; name: string | null }[];
    values: Record<string, number>;
  }[]) {
    if (!e.entity.some((p) => p.name === user)) continue;
    await request.patch('/api/clusters/local/quotas', {
      data: { entity: e.entity, remove: Object.keys(e.values) },
    });
  }
}

test.afterAll(async ({ request }) => {
  await cleanUp(request, user);
});

test('SCRAM users: validated, created, listed and deleted; the audit has before/after and never the password', async ({
  request,
}) => {
  test.setTimeout(90_000);
  const tooFew = await request.post(`${api}/scram-users`, {
    data: { user, mechanism: 'SCRAM-SHA-256', iterations: 1000, password },
  });
  expect(tooFew.status()).toBe(400);
  expect((await tooFew.json()).error.message).toMatch(/iterations.*4096/);

  const created = await request.post(`${api}/scram-users`, {
    data: { user, mechanism: 'SCRAM-SHA-256', iterations: 4096, password },
  });
  expect(created.status()).toBe(200);
  const body = await created.text();
  expect(body).not.toContain(password);
  expect(JSON.parse(body)).toMatchObject({
    user,
    before: [],
    after: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }],
  });
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toContain(
    'SCRAM-SHA-256=iterations=4096',
  );
  // Adding the same user again would change its password: refused, the credential unchanged (4096 iterations).
  const again = await request.post(`${api}/scram-users`, {
    data: { user, mechanism: 'SCRAM-SHA-256', iterations: 8192, password: 'another-password', create: true },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toContain(`"${user}" already has a SCRAM-SHA-256 credential`);
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toContain(
    'SCRAM-SHA-256=iterations=4096',
  );
  const list = await (await request.get(`${api}/scram-users`)).json();
  expect(list.users).toContainEqual({
    user,
    credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }],
  });

  const deleted = await request.delete(`${api}/scram-users/${user}`);
  expect(deleted.status()).toBe(200);
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).not.toContain(
    'SCRAM',
  );
  expect((await request.delete(`${api}/scram-users/${user}`)).status()).toBe(404);

  const records = () =>
    execFileSync(
      'kcat',
      ['-C', '-b', brokers.join(','), '-t', 'kafkascope-e2e-audit', '-o', '-300', '-e', '-q'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((line) => line.includes(user));
  await expect.poll(() => records().length).toBeGreaterThanOrEqual(2);
  expect(records().join('\n')).not.toContain(password);
  const lines = records().map((line) => JSON.parse(line));
  expect(lines.find((l) => l.action === 'scram.user.alter' && l.result === 'ok')).toMatchObject({
    change: {
      before: { user, credentials: [] },
      after: { user, credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }] },
    },
  });
  expect(lines.find((l) => l.action === 'scram.user.delete' && l.result === 'ok')).toMatchObject({
    change: {
      before: { user, credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }] },
      after: { user, credentials: [] },
    },
  });
});

test('quotas: a dry run changes nothing, a wrong key for the entity is refused, a change shows in kafka-configs', async ({
  request,
}) => {
  const entity = [{ type: 'user', name: user }];
  const wrong = await request.patch(`${api}/quotas`, {
    data: { entity, set: { connection_creation_rate: 5 } },
  });
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error.message).toMatch(/connection_creation_rate applies to IPs only/);

  const dry = await request.patch(`${api}/quotas`, {
    data: { entity, set: { producer_byte_rate: 4096 }, dryRun: true },
  });
  expect(await dry.json()).toEqual({ applied: false, before: {}, after: { producer_byte_rate: 4096 } });
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).not.toContain(
    'producer_byte_rate',
  );

  const real = await request.patch(`${api}/quotas`, { data: { entity, set: { producer_byte_rate: 4096 } } });
  expect(await real.json()).toEqual({ applied: true, before: {}, after: { producer_byte_rate: 4096 } });
  expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toContain(
    'producer_byte_rate=4096',
  );
  const removed = await request.patch(`${api}/quotas`, { data: { entity, remove: ['producer_byte_rate'] } });
  expect((await removed.json()).after).toEqual({});
});

test('broker configs: read-only and unknown keys are refused with the reason; a dry run changes nothing', async ({
  request,
}) => {
  const readOnly = await request.patch(`${api}/broker-configs/1`, {
    data: { set: { 'log.dirs': '/tmp/x' } },
  });
  expect(readOnly.status()).toBe(400);
  expect((await readOnly.json()).error.message).toBe(
    'This key log.dirs is read-only: only a restart with a changed server.properties changes it',
  );
  const unknown = await request.patch(`${api}/broker-configs/1`, { data: { set: { 'no.such.key': '1' } } });
  expect((await unknown.json()).error.message).toBe('Unknown broker config: no.such.key');
  const bad = await request.patch(`${api}/broker-configs/1`, {
    data: { set: { 'log.cleaner.threads': 'many' }, dryRun: true },
  });
  expect(bad.status()).toBe(400);

  const key = 'max.connections.per.ip.overrides';
  const dry = await request.patch(`${api}/broker-configs/1`, {
    data: { set: { [key]: '192.0.2.9:50' }, dryRun: true },
  });
  expect(await dry.json()).toEqual({
    applied: false,
    changes: [
      { name: key, sensitive: false, before: null, after: '192.0.2.9:50', beforeSource: 'DEFAULT_CONFIG' },
    ],
  });
  expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '1'])).not.toContain(key);
  expect((await request.get(`${api}/broker-configs/9999`)).status()).toBe(404);
  expect((await request.get(`${api}/broker-configs/abc`)).status()).toBe(400);
  const defaults = await (await request.get(`${api}/broker-configs/default`)).json();
  expect(defaults.reference.length).toBeGreaterThan(100);
});
