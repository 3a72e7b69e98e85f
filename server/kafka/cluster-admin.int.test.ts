import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, bootstrapOf, devCredentials, kafkaCli } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll, kafka } from '@/server/kafka';
import { clientsFor, connected } from '@/server/kafka/client/registry';
import { KafkaError } from '@/server/kafka/errors';
import { ALTER_CLIENT_QUOTAS, DESCRIBE_CLIENT_QUOTAS } from '@/server/kafka/protocol/client-quotas';
import { DESCRIBE_CONFIGS } from '@/server/kafka/protocol/describe-configs';
import {
  ALTER_USER_SCRAM_CREDENTIALS,
  DESCRIBE_USER_SCRAM_CREDENTIALS,
} from '@/server/kafka/protocol/scram-credentials';
import { requiredVersion } from '@/server/kafka/protocol/versions';

const local = loadConfig({}).clusters[0]!;
const bootstrap = BOOTSTRAP.split(',')[0]!;
const prefix = `ks-test-${randomBytes(4).toString('hex')}`;
const configs = (args: string[]) => kafkaCli('kafka-configs', ['--bootstrap-server', bootstrap, ...args]);

/**
 * Whether Kafka's own client can log in as `user` with SCRAM-SHA-256 on the SASL listener and list
 * the broker's API versions. (kcat's librdkafka is refused even for the dev user by this Kafka.)
 */
async function logsIn(user: string, password: string): Promise<boolean> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ks-scram-'));
  const file = path.join(dir, 'client.properties');
  writeFileSync(
    file,
    [
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=SCRAM-SHA-256',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="${password}";`,
    ].join('\n'),
  );
  const sasl = bootstrapOf(devCredentials().ports.saslPlaintext.slice(0, 1));
  try {
    const out = await kafkaCli('kafka-broker-api-versions', [
      '--bootstrap-server',
      sasl,
      '--command-config',
      file,
    ]);
    return /ApiVersions\(18\)/.test(out);
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Removes every credential and quota this file made, whatever step failed: through the gateway, since
 * kafka-configs refuses to delete a key that is not set (or two SCRAM mechanisms at once).
 */
async function cleanUp(): Promise<void> {
  const gateway = kafka(local);
  const users = (await gateway.scramUsers()).filter((u) => u.user.startsWith(prefix));
  await gateway.alterScramUsers(
    users.flatMap((u) =>
      u.credentials.map((c) => ({ op: 'delete' as const, user: u.user, mechanism: c.mechanism })),
    ),
  );
  for (const entry of await gateway.clientQuotas()) {
    if (!entry.entity.some((p) => p.entityName?.startsWith(prefix) || p.entityName === '192.0.2.77'))
      continue;
    await gateway.alterClientQuotas(
      entry.entity,
      Object.keys(entry.values).map((key) => ({ key, value: null })),
    );
  }
}

afterAll(disconnectAll);

describe('SCRAM credentials through the gateway', () => {
  const user = `${prefix}-user`;
  afterAll(cleanUp);

  it("creates a user kafka-configs lists and Kafka's client logs in as; a new password stops the old one", async () => {
    const gateway = kafka(local);
    await gateway.alterScramUsers([
      { op: 'upsert', user, mechanism: 'SCRAM-SHA-256', iterations: 8192, password: 'first-Password-1' },
      { op: 'upsert', user, mechanism: 'SCRAM-SHA-512', iterations: 4096, password: 'first-Password-1' },
    ]);
    // Brokers learn of the change from the metadata log a moment later.
    await expect
      .poll(async () => (await gateway.scramUsers()).find((u) => u.user === user)?.credentials, {
        timeout: 10_000,
      })
      .toEqual(
        expect.arrayContaining([
          { mechanism: 'SCRAM-SHA-256', iterations: 8192 },
          { mechanism: 'SCRAM-SHA-512', iterations: 4096 },
        ]),
      );
    const theirs = await configs(['--describe', '--entity-type', 'users', '--entity-name', user]);
    expect(theirs).toContain('SCRAM-SHA-256=iterations=8192');
    expect(theirs).toContain('SCRAM-SHA-512=iterations=4096');
    await expect.poll(() => logsIn(user, 'first-Password-1'), { timeout: 20_000 }).toBe(true);

    await gateway.alterScramUsers([
      { op: 'upsert', user, mechanism: 'SCRAM-SHA-256', iterations: 4096, password: 'second-Password-2' },
    ]);
    await expect.poll(() => logsIn(user, 'second-Password-2'), { timeout: 20_000 }).toBe(true);
    expect(await logsIn(user, 'first-Password-1')).toBe(false);

    await gateway.alterScramUsers([
      { op: 'delete', user, mechanism: 'SCRAM-SHA-256' },
      { op: 'delete', user, mechanism: 'SCRAM-SHA-512' },
    ]);
    await expect
      .poll(async () => (await gateway.scramUsers()).some((u) => u.user === user), { timeout: 10_000 })
      .toBe(false);
    expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).not.toContain(
      'SCRAM',
    );
  }, 90_000);
});

describe('client quotas through the gateway', () => {
  const user = `${prefix}-quser`;
  const client = `${prefix}-client`;
  const ip = '192.0.2.77';
  afterAll(cleanUp);

  it('sets quotas kafka-configs shows, reads quotas kafka-configs sets, and removes them', async () => {
    const gateway = kafka(local);
    await gateway.alterClientQuotas(
      [{ entityType: 'user', entityName: user }],
      [
        { key: 'producer_byte_rate', value: 1048576 },
        { key: 'consumer_byte_rate', value: 2097152 },
      ],
    );
    expect(await configs(['--describe', '--entity-type', 'users', '--entity-name', user])).toMatch(
      /consumer_byte_rate=2097152(\.0)?, producer_byte_rate=1048576/,
    );
    await configs([
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      user,
      '--entity-type',
      'clients',
      '--entity-name',
      client,
      '--add-config',
      'request_percentage=25',
    ]);
    await configs([
      '--alter',
      '--entity-type',
      'ips',
      '--entity-name',
      ip,
      '--add-config',
      'connection_creation_rate=7',
    ]);
    // kafka-configs wrote through one broker; the one the gateway asks may be a moment behind it.
    let all = await gateway.clientQuotas();
    await expect
      .poll(
        async () => {
          all = await gateway.clientQuotas();
          return all.some((e) => e.entity.some((p) => p.entityType === 'ip' && p.entityName === ip));
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const find = (parts: [string, string | null][]) =>
      all.find(
        (e) =>
          e.entity.length === parts.length &&
          parts.every(([t, n]) => e.entity.some((p) => p.entityType === t && p.entityName === n)),
      )?.values;
    expect(find([['user', user]])).toEqual({ producer_byte_rate: 1048576, consumer_byte_rate: 2097152 });
    expect(
      find([
        ['user', user],
        ['client-id', client],
      ]),
    ).toEqual({ request_percentage: 25 });
    expect(find([['ip', ip]])).toEqual({ connection_creation_rate: 7 });

    await gateway.alterClientQuotas(
      [{ entityType: 'user', entityName: user }],
      [{ key: 'producer_byte_rate', value: null }],
    );
    const after = await configs(['--describe', '--entity-type', 'users', '--entity-name', user]);
    expect(after).not.toContain('producer_byte_rate');
    expect(after).toContain('consumer_byte_rate=2097152');
  }, 60_000);

  it('validateOnly checks a quota without applying it, and refuses an unknown key', async () => {
    const gateway = kafka(local);
    const entity = [{ entityType: 'client-id' as const, entityName: `${prefix}-dry` }];
    await gateway.alterClientQuotas(entity, [{ key: 'producer_byte_rate', value: 5000 }], true);
    expect(
      await configs(['--describe', '--entity-type', 'clients', '--entity-name', `${prefix}-dry`]),
    ).not.toContain('producer_byte_rate');
    await expect(
      gateway.alterClientQuotas(entity, [{ key: 'no_such_quota', value: 1 }], true),
    ).rejects.toThrow();
  });
});

describe('broker configs through the gateway', () => {
  const key = 'max.connections.per.ip.overrides';
  const value = '192.0.2.1:100';
  afterAll(async () => {
    await configs([
      '--alter',
      '--entity-type',
      'brokers',
      '--entity-name',
      '1',
      '--delete-config',
      key,
    ]).catch(() => undefined);
  });

  it('describes broker 1 with the sources, types and documentation kafka-configs --all reports', async () => {
    const ours = await kafka(local).brokerConfigsFull(1);
    const theirs = await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '1', '--all']);
    const logDirs = ours.find((c) => c.name === 'log.dirs')!;
    expect(logDirs.readOnly).toBe(true);
    expect(theirs).toContain(
      `log.dirs=${logDirs.value} sensitive=false synonyms={STATIC_BROKER_CONFIG:log.dirs=`,
    );
    expect(logDirs.source).toBe('STATIC_BROKER_CONFIG');
    const threads = ours.find((c) => c.name === 'log.cleaner.threads')!;
    expect(threads.type).toBe('INT');
    expect(threads.readOnly).toBe(false);
    expect(threads.documentation).toMatch(/threads to use for log cleaning/i);
    expect(ours.length).toBe([...theirs.matchAll(/^  \S+=/gm)].length);
  });

  it('validateOnly leaves the broker as it was; a real change shows in kafka-configs and can be removed', async () => {
    const gateway = kafka(local);
    await gateway.alterBrokerConfigs(1, [{ name: key, value }], true);
    expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '1'])).not.toContain(
      key,
    );
    await gateway.alterBrokerConfigs(1, [{ name: key, value }]);
    expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '1'])).toContain(
      `${key}=${value}`,
    );
    const entry = (await gateway.brokerConfigsFull(1)).find((c) => c.name === key)!;
    expect(entry).toMatchObject({ value, source: 'DYNAMIC_BROKER_CONFIG' });
    await gateway.alterBrokerConfigs(1, [{ name: key, value: null }]);
    expect(await configs(['--describe', '--entity-type', 'brokers', '--entity-name', '1'])).not.toContain(
      key,
    );
  }, 60_000);

  it('reads the cluster-wide defaults kafka-configs --entity-default sets', async () => {
    const theirs = await configs(['--describe', '--entity-type', 'brokers', '--entity-default']);
    const ours = await kafka(local).brokerConfigsFull(null);
    const names = [...theirs.matchAll(/^  (\S+?)=/gm)].map((m) => m[1]).sort();
    expect(ours.map((c) => c.name).sort()).toEqual(names);
    expect(ours.every((c) => c.source === 'DYNAMIC_DEFAULT_BROKER_CONFIG')).toBe(true);
  });
});

describe('the versions of the cluster-admin requests', () => {
  it('come from the broker’s ApiVersions as kafka-broker-api-versions lists them; a higher minimum is refused as unsupported', async () => {
    const clients = await connected(clientsFor(local));
    const broker = await clients.raw.findBroker({ nodeId: 1 });
    const cli = await kafkaCli('kafka-broker-api-versions', ['--bootstrap-server', bootstrap]);
    const broker1 = cli.split(/\n(?=\S)/).find((b) => /\(id: 1 /.test(b))!;
    for (const need of [
      DESCRIBE_CONFIGS,
      DESCRIBE_CLIENT_QUOTAS,
      ALTER_CLIENT_QUOTAS,
      DESCRIBE_USER_SCRAM_CREDENTIALS,
      ALTER_USER_SCRAM_CREDENTIALS,
    ]) {
      const listed = new RegExp(`${need.apiName}\\(${need.apiKey}\\): (\\d+)(?: to (\\d+))?`).exec(broker1);
      expect(listed, need.apiName).not.toBeNull();
      const [min, max] = [Number(listed![1]), Number(listed![2] ?? listed![1])];
      expect(broker.versions?.[need.apiKey]).toEqual({ minVersion: min, maxVersion: max });
      expect(requiredVersion(broker.versions, need)).toBe(Math.min(need.max, max));

      // A console that needed a version past this broker's: what an older broker gets, a 4xx naming the release.
      const tooNew = { ...need, min: max + 1, max: max + 1, since: '99.0' };
      let refused: unknown;
      try {
        requiredVersion(broker.versions, tooNew);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(KafkaError);
      expect(refused).toMatchObject({
        kind: 'unsupported',
        message:
          `${need.feature}: not supported by this cluster (needs Kafka 99.0+; its brokers speak ` +
          `${need.apiName} v${min}–v${max}, the console v${max + 1})`,
      });
    }
  });
});
