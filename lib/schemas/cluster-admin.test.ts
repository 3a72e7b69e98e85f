import { describe, expect, it } from 'vitest';
import {
  AlterBrokerConfigsSchema,
  AlterQuotasSchema,
  QuotaEntitySchema,
  ScramUpsertSchema,
  listenerNames,
  perListenerKey,
  quotaEntityLabel,
} from '@/lib/schemas/cluster-admin';

const issue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues[0]?.message;

describe('cluster admin schemas', () => {
  it('hold SCRAM iterations to Kafka bounds and refuse short passwords', () => {
    const ok = { user: 'alice', mechanism: 'SCRAM-SHA-256', iterations: '8192', password: 'long-enough' };
    expect(ScramUpsertSchema.parse(ok).iterations).toBe(8192);
    expect(issue(ScramUpsertSchema.safeParse({ ...ok, iterations: 4095 }))).toBe('at least 4096');
    expect(issue(ScramUpsertSchema.safeParse({ ...ok, iterations: 16385 }))).toBe('at most 16384');
    expect(issue(ScramUpsertSchema.safeParse({ ...ok, password: 'short' }))).toBe('at least 8 characters');
    expect(issue(ScramUpsertSchema.safeParse({ ...ok, user: 'a\nb' }))).toBe('no control characters');
  });

  it('accept user, client id, both, IP and default entities, and refuse IPs combined or malformed', () => {
    expect(QuotaEntitySchema.safeParse([{ type: 'user', name: null }]).success).toBe(true);
    expect(
      QuotaEntitySchema.safeParse([
        { type: 'user', name: 'a' },
        { type: 'client-id', name: 'c' },
      ]).success,
    ).toBe(true);
    expect(QuotaEntitySchema.safeParse([{ type: 'ip', name: '10.0.0.1' }]).success).toBe(true);
    expect(QuotaEntitySchema.safeParse([{ type: 'ip', name: '::1' }]).success).toBe(true);
    expect(issue(QuotaEntitySchema.safeParse([{ type: 'ip', name: '300.1.1.1' }]))).toBe('not an IP address');
    expect(
      issue(
        QuotaEntitySchema.safeParse([
          { type: 'ip', name: null },
          { type: 'user', name: 'a' },
        ]),
      ),
    ).toMatch(/IP quota stands alone/);
    expect(
      issue(
        QuotaEntitySchema.safeParse([
          { type: 'user', name: 'a' },
          { type: 'user', name: 'b' },
        ]),
      ),
    ).toBe('each type at most once');
  });

  it('match quota keys to entity types and want something to change', () => {
    const user = [{ type: 'user', name: 'a' }];
    expect(AlterQuotasSchema.safeParse({ entity: user, set: { producer_byte_rate: 100 } }).success).toBe(
      true,
    );
    expect(issue(AlterQuotasSchema.safeParse({ entity: user, set: {} }))).toBe('nothing to change');
    expect(issue(AlterQuotasSchema.safeParse({ entity: user, set: { producer_byte_rate: 0 } }))).toBe(
      'must be more than 0',
    );
    expect(
      issue(
        AlterQuotasSchema.safeParse({ entity: [{ type: 'ip', name: null }], set: { producer_byte_rate: 1 } }),
      ),
    ).toMatch(/connection_creation_rate applies to IPs only/);
    expect(
      quotaEntityLabel([
        { type: 'user', name: 'a' },
        { type: 'client-id', name: null },
      ]),
    ).toBe('user=a, client-id=<default>');
  });

  it('refuse broker config changes that set and remove one key, or change nothing', () => {
    expect(AlterBrokerConfigsSchema.parse({ set: { 'log.cleaner.threads': '2' } })).toEqual({
      set: { 'log.cleaner.threads': '2' },
      reset: [],
      dryRun: false,
    });
    expect(issue(AlterBrokerConfigsSchema.safeParse({ set: {} }))).toBe('nothing to change');
    expect(issue(AlterBrokerConfigsSchema.safeParse({ set: { a: '1' }, reset: ['a'] }))).toBe(
      'a key is both set and removed',
    );
    expect(AlterBrokerConfigsSchema.safeParse({ set: { 'bad key': '1' } }).success).toBe(false);
  });
});

describe('bodies that only remove', () => {
  it('need no set', () => {
    expect(
      AlterQuotasSchema.parse({ entity: [{ type: 'user', name: 'a' }], remove: ['producer_byte_rate'] }).set,
    ).toEqual({});
    expect(AlterBrokerConfigsSchema.parse({ reset: ['log.cleaner.threads'] }).set).toEqual({});
  });

  it('tell a per-listener key Kafka takes dynamically from any other, and read a broker’s listeners', () => {
    expect(perListenerKey('listener.name.ssl.ssl.keystore.location')).toEqual({
      listener: 'ssl',
      key: 'ssl.keystore.location',
    });
    expect(perListenerKey('listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config')).toEqual({
      listener: 'sasl_ssl',
      key: 'sasl.jaas.config',
    });
    expect(perListenerKey('listener.name.internal.max.connections')).toEqual({
      listener: 'internal',
      key: 'max.connections',
    });
    expect(perListenerKey('listener.name.ssl.ssl.bogus')).toBeNull();
    expect(perListenerKey('listener.name.ssl.ssl.client.auth')).toBeNull();
    expect(perListenerKey('listener.name.ssl.kerberos.sasl.jaas.config')).toBeNull();
    expect(perListenerKey('listener.name.SSL.ssl.keystore.location')).toBeNull();
    expect(perListenerKey('ssl.keystore.location')).toBeNull();
    expect(
      listenerNames('PLAINTEXT://127.0.0.1:9092,SASL_SSL://[::1]:9392, INTERNAL://:9093,CONTROLLER://h:1'),
    ).toEqual(['plaintext', 'sasl_ssl', 'internal', 'controller']);
    expect(listenerNames(null)).toEqual([]);
  });
});
