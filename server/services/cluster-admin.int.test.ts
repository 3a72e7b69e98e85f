import { randomBytes } from 'node:crypto';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BOOTSTRAP, kafkaCli } from '@/dev/kafka/local-cluster';
import { disconnectAll } from '@/server/kafka';
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
