import { describe, expect, it } from 'vitest';
import { HIDDEN, isSecretKey, maskConfig, unmaskConfig } from '@/lib/connect/secrets';

describe('connector secrets', () => {
  const declared = new Set(['connection.url.secret-ish', 'db.pass']);

  it('hides declared PASSWORD settings and settings named like secrets, and nothing else', () => {
    const config = {
      'connector.class': 'io.example.JdbcSink',
      'db.pass': 'hunter2',
      'connection.password': 'p4ss',
      'producer.override.sasl.jaas.config': 'org.apache.kafka...ScramLoginModule required password="x";',
      'value.converter.basic.auth.user.info': 'u:p',
      'transforms.t.api.key': 'k-123',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'key.ignore': 'true',
      topics: 'orders',
      'tokenizer.mode': 'simple',
      'file.password': '${file:/secrets/db.properties:password}',
      'empty.password': '',
    };
    expect(maskConfig(config, declared)).toEqual({
      ...config,
      'db.pass': HIDDEN,
      'connection.password': HIDDEN,
      'producer.override.sasl.jaas.config': HIDDEN,
      'value.converter.basic.auth.user.info': HIDDEN,
      'transforms.t.api.key': HIDDEN,
    });
    expect(isSecretKey('value.converter.basic.auth.credentials.source', new Set())).toBe(true);
    expect(isSecretKey('value.converter.schema.registry.url', new Set())).toBe(false);
  });

  it('puts the stored value back where an edit left it hidden', () => {
    const stored = { 'connection.password': 'p4ss', topics: 'a' };
    expect(unmaskConfig({ 'connection.password': HIDDEN, topics: 'b' }, stored)).toEqual({
      config: { 'connection.password': 'p4ss', topics: 'b' },
      missing: null,
    });
    expect(unmaskConfig({ 'new.password': HIDDEN }, stored).missing).toBe('new.password');
  });
});
