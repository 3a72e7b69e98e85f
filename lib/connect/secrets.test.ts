import { describe, expect, it } from 'vitest';
import {
  HIDDEN,
  isSecretKey,
  maskConfig,
  maskOffsets,
  maskText,
  unmaskConfig,
  unmaskOffsets,
} from '@/lib/connect/secrets';

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

describe('secrets in traces and offsets', () => {
  it('hides secret-named values and URL passwords in a trace, and nothing else', () => {
    const trace =
      "org.apache.kafka.connect.errors.ConnectException: login failed for jdbc:postgresql://app:hunter2@db:5432/x (password=p4ss, user=app, api.key: 'k-1')\n\tat Foo.bar(Foo.java:1)";
    const shown = maskText(trace);
    expect(shown).not.toMatch(/hunter2|p4ss|k-1/);
    expect(shown).toContain(`jdbc:postgresql://app:${HIDDEN}@db:5432/x`);
    expect(shown).toContain(`password=${HIDDEN}`);
    expect(shown).toContain(`api.key: ${HIDDEN}`);
    expect(shown).toContain('user=app');
    expect(shown).toContain('at Foo.bar(Foo.java:1)');
    expect(maskText("Couldn't find or create file '/x/out.txt' for FileStreamSinkTask")).toBe(
      "Couldn't find or create file '/x/out.txt' for FileStreamSinkTask",
    );
  });

  it('hides secrets in offsets and puts them back from the stored ones for an edit', () => {
    const stored: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] = [
      { partition: { url: 'jdbc:mysql://u:pw@db/x', table: 't' }, offset: { id: 7, token: 'tk' } },
      { partition: { filename: '/in.txt' }, offset: { position: 12 } },
    ];
    const shown = maskOffsets(stored);
    expect(JSON.stringify(shown)).not.toMatch(/pw@|"tk"/);
    expect(shown[0]).toEqual({
      partition: { url: `jdbc:mysql://u:${HIDDEN}@db/x`, table: 't' },
      offset: { id: 7, token: HIDDEN },
    });
    expect(shown[1]).toEqual(stored[1]);
    const edited = [
      { ...shown[0]!, offset: { ...shown[0]!.offset, id: 3 } },
      { ...shown[1]!, offset: { position: 0 } },
    ];
    expect(unmaskOffsets(edited, stored)).toEqual({
      offsets: [
        { partition: stored[0]!.partition, offset: { id: 3, token: 'tk' } },
        { partition: { filename: '/in.txt' }, offset: { position: 0 } },
      ],
      missing: null,
    });
    expect(
      unmaskOffsets([{ partition: { url: `jdbc:mysql://u:${HIDDEN}@other/x` }, offset: null }], stored)
        .missing,
    ).toMatch(/^partition /);
  });
});
