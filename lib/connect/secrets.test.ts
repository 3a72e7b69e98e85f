import { describe, expect, it } from 'vitest';
import {
  HIDDEN,
  isSecretKey,
  maskConfig,
  maskOffsets,
  maskText,
  maskUrlCredentials,
  scrubText,
  secretValues,
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
      'producer.override.ssl.keystore.key': '-----BEGIN PRIVATE KEY-----\nMII...',
      'azure.sas.key': 'sv=2020&sig=abc',
      'aws.credentials': 'AKIA:xyz',
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
      'producer.override.ssl.keystore.key': HIDDEN,
      'azure.sas.key': HIDDEN,
      'aws.credentials': HIDDEN,
    });
    // It says where the credentials come from (USER_INFO, URL), not what they are.
    expect(isSecretKey('value.converter.basic.auth.credentials.source', new Set())).toBe(false);
    expect(isSecretKey('value.converter.schema.registry.url', new Set())).toBe(false);
  });

  it('hides the password of a URL in any value', () => {
    expect(
      maskConfig(
        {
          'connection.uri': 'mongodb://app:s3cr3t@db.example.com:27017/shop',
          'connection.url': 'jdbc:postgresql://db:5432/shop?user=app&password=s3cr3t&ssl=true',
          'schema.registry.url': 'https://registry.example.com',
        },
        new Set(),
      ),
    ).toEqual({
      'connection.uri': `mongodb://app:${HIDDEN}@db.example.com:27017/shop`,
      'connection.url': `jdbc:postgresql://db:5432/shop?user=app&password=${HIDDEN}&ssl=true`,
      'schema.registry.url': 'https://registry.example.com',
    });
  });

  it('hides every value but the framework’s settings when the plugin’s definition is unknown', () => {
    const config = {
      'connector.class': 'io.example.Sink',
      'tasks.max': '1',
      topics: 'orders',
      'db.pass': 'hunter2',
      'batch.size': '100',
    };
    expect(maskConfig(config, null)).toEqual({
      'connector.class': 'io.example.Sink',
      'tasks.max': '1',
      topics: 'orders',
      'db.pass': HIDDEN,
      'batch.size': HIDDEN,
    });
  });

  it('hides a config’s secrets where a trace or a worker’s message quotes them', () => {
    const config = {
      'db.pass': 'hunter2',
      'connection.password': 'p4ssw0rd',
      'connection.uri': 'mongodb://app:s3cr3t@db:27017',
      pin: '12',
      topics: 'orders',
    };
    const secrets = secretValues(config, new Set(['db.pass', 'pin']));
    // A two-character secret would blank out ordinary text; it stays hidden in the config.
    expect(secrets.sort()).toEqual(['hunter2', 'p4ssw0rd', 's3cr3t']);
    const trace =
      'org.apache.kafka.common.config.ConfigException: Invalid value hunter2 for configuration db.pass\n' +
      '\tat Login failed for p4ssw0rd against mongodb://app:s3cr3t@db:27017 (topic orders)';
    const shown = scrubText(trace, secrets);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).toContain(`Invalid value ${HIDDEN} for configuration db.pass`);
    expect(shown).toContain('(topic orders)');
    expect(maskUrlCredentials('no url here')).toBe('no url here');
  });

  it('puts the stored value back where an edit left it as shown', () => {
    const stored = {
      'connection.password': 'p4ss',
      'connection.uri': 'mongodb://app:s3cr3t@db:27017',
      topics: 'a',
    };
    const keys = new Set<string>();
    expect(
      unmaskConfig(
        { 'connection.password': HIDDEN, 'connection.uri': `mongodb://app:${HIDDEN}@db:27017`, topics: 'b' },
        stored,
        keys,
      ),
    ).toEqual({ config: { ...stored, topics: 'b' }, missing: null });
    // A URL changed around its hidden password cannot keep it: the whole value must be entered.
    expect(
      unmaskConfig({ 'connection.uri': `mongodb://app:${HIDDEN}@other:27017` }, stored, keys).missing,
    ).toBe('connection.uri');
    expect(unmaskConfig({ 'new.password': HIDDEN }, stored, keys).missing).toBe('new.password');
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
