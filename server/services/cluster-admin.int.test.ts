import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { disconnectAll } from '@/server/kafka';
import * as brokerConfigsRoute from '@/app/api/clusters/[clusterId]/broker-configs/[scope]/route';
import * as scramUserRoute from '@/app/api/clusters/[clusterId]/scram-users/[user]/route';

/**
 * The cluster-admin routes against the local cluster, with auth off (every caller an admin), each
 * checked with Kafka's own kafka-configs.
 */
const bootstrap = BOOTSTRAP.split(',')[0]!;
const prefix = `it-admin-${randomBytes(4).toString('hex')}`;
const configs = (args: string[]) => kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, ...args]);
const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

beforeAll(() => {
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  vi.stubEnv('KAFKASCOPE_AUTH', 'none');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  (globalThis as { __kafkascopeAuth?: unknown }).__kafkascopeAuth = undefined;
  await disconnectAll();
});

describe('DELETE /scram-users/:user', () => {
  const user = `${prefix}-scram`;
  const remove = (name: string) =>
    scramUserRoute.DELETE(
      new NextRequest(`http://console.local/api/clusters/local/scram-users/${encodeURIComponent(name)}`, {
        method: 'DELETE',
      }),
      params({ clusterId: 'local', user: name }),
    );
  afterAll(() =>
    configs([
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      user,
      '--delete-config',
      'SCRAM-SHA-256',
    ]).catch(() => ''),
  );

  it('refuses a user name the user schema refuses with 400 and its reason, and deletes a valid one', async () => {
    await configs([
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      user,
      '--add-config',
      'SCRAM-SHA-256=[iterations=4096,password=it-admin-Password-1]',
    ]);
    for (const [name, reason] of [
      ['x'.repeat(256), /at most 255 characters/],
      [`${user}\u0001`, /no control characters/],
      [` ${user}`, /no spaces before or after/],
    ] as const) {
      const response = await remove(name);
      expect(response.status, name).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(/^Invalid user name: /);
      expect(error.message).toMatch(reason);
    }
    // Nothing was deleted by the refused calls.
    expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toContain(
      'SCRAM-SHA-256=iterations=4096',
    );

    const deleted = await remove(user);
    expect(deleted.status).toBe(200);
    await expect
      .poll(() => configs(['--describe', '--entity-type', 'users', '--entity-name', user]))
      .not.toContain('SCRAM');
    expect((await remove(user)).status).toBe(404);
  }, 60_000);
});

describe('PATCH /broker-configs/:broker with per-listener keys', () => {
  // Harmless on the shared cluster: far above any connection count a suite makes, and removed after.
  const limit = 'listener.name.sasl_ssl.max.connections';
  const dynamicOf = (broker: string) =>
    configs(['--describe', '--entity-type', 'brokers', '--entity-name', broker]);
  const patch = (broker: string, body: unknown) =>
    brokerConfigsRoute.PATCH(
      new NextRequest(`http://console.local/api/clusters/local/broker-configs/${broker}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      params({ clusterId: 'local', scope: broker }),
    );
  afterAll(async () => {
    await configs([
      '--alter',
      '--entity-type',
      'brokers',
      '--entity-name',
      '1',
      '--delete-config',
      limit,
    ]).catch(() => '');
    // Whatever failed, no listener of broker 1 is left changed.
    expect(await dynamicOf('1')).not.toContain('listener.name.');
  });

  it('previews a keystore rotation of a listener with validateOnly, and changes nothing', async () => {
    expect(await dynamicOf('1')).not.toContain('listener.name.');
    // The SSL listener's keystore as the broker has it, given again as the listener's own.
    const all = await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '1', '--all']);
    const location = /^ {2}ssl\.keystore\.location=(\S+) /m.exec(all)![1]!;
    const type = /^ {2}ssl\.keystore\.type=(\S+) /m.exec(all)![1]!;
    const response = await patch('1', {
      set: {
        'listener.name.ssl.ssl.keystore.location': location,
        'listener.name.ssl.ssl.keystore.type': type,
      },
      dryRun: true,
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body).toEqual({
      applied: false,
      changes: [
        {
          name: 'listener.name.ssl.ssl.keystore.location',
          sensitive: false,
          before: null,
          after: location,
          beforeSource: 'DEFAULT_CONFIG',
        },
        {
          name: 'listener.name.ssl.ssl.keystore.type',
          sensitive: false,
          before: null,
          after: type,
          beforeSource: 'DEFAULT_CONFIG',
        },
      ],
    });
    expect(await dynamicOf('1')).not.toContain('listener.name.');

    // A password of a listener is as sensitive as the key it sets: in no answer, not even Kafka's
    // refusal (a PEM truststore takes no password).
    const secret = await patch('1', {
      set: { 'listener.name.ssl.ssl.truststore.password': 'not-shown-1' },
      dryRun: true,
    });
    expect(secret.status).toBe(400);
    expect(await secret.text()).not.toContain('not-shown-1');
    expect(await dynamicOf('1')).not.toContain('listener.name.');
  });

  it('refuses a listener the broker does not have and a key Kafka does not take per listener', async () => {
    const stranger = await patch('1', {
      set: { 'listener.name.nope.ssl.keystore.location': '/tmp/x.pem' },
      dryRun: true,
    });
    expect(stranger.status).toBe(400);
    expect((await errorOf(stranger)).message).toBe(
      '"nope" is not a listener of broker 1 (its listeners: plaintext, sasl_plaintext, ssl, sasl_ssl, controller)',
    );
    const unknown = await patch('1', { set: { 'listener.name.ssl.ssl.bogus': 'x' }, dryRun: true });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toMatch(
      /^Unknown broker config: listener\.name\.ssl\.ssl\.bogus \(per-listener keys are listener\.name\.<listener>\.<key>/,
    );
    expect(await dynamicOf('1')).not.toContain('listener.name.');
  });

  it('sets a listener’s own key, which kafka-configs shows, and removes it', async () => {
    const set = await patch('1', { set: { [limit]: '1000000' } });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ applied: true, changes: [{ name: limit, after: '1000000' }] });
    await expect.poll(() => dynamicOf('1')).toContain(`${limit}=1000000`);

    const removed = await patch('1', { reset: [limit] });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({
      applied: true,
      changes: [{ name: limit, before: '1000000', after: null, beforeSource: 'DYNAMIC_BROKER_CONFIG' }],
    });
    await expect.poll(() => dynamicOf('1')).not.toContain('listener.name.');
  }, 60_000);
});
