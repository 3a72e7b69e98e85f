import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/server/config/clusters';

const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-security-'));
const file = (name: string, contents: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, contents);
  return p;
};
const SECRET = 'hunter2-do-not-print';

/** A real certificate and key made by openssl, plus the key encrypted with SECRET. */
function keyPair(name: string) {
  const key = path.join(dir, `${name}.key`);
  const cert = path.join(dir, `${name}.pem`);
  const encrypted = path.join(dir, `${name}-encrypted.key`);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-keyout',
    key,
    '-out',
    cert,
  );
  openssl('pkey', '-in', key, '-aes256', '-passout', `pass:${SECRET}`, '-out', encrypted);
  return { key, cert, encrypted };
}
const client = keyPair('client');
const other = keyPair('other');
const PEM_CERT = readFileSync(client.cert, 'utf8');
const PEM_KEY = readFileSync(client.key, 'utf8');
const base = { KAFKA_CLUSTERS_0_NAME: 'prod', KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'k1:9093' };

/** The error thrown by loadConfig, so a test can check both what it names and what it must not print. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('SASL and TLS settings', () => {
  it('read SCRAM credentials and TLS files from KAFKA_CLUSTERS_<n>_* variables', () => {
    const config = loadConfig({
      ...base,
      KAFKA_CLUSTERS_0_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_CLUSTERS_0_SASL_USERNAME: 'console',
      KAFKA_CLUSTERS_0_SASL_PASSWORD_FILE: file('password', `${SECRET}\n`),
      KAFKA_CLUSTERS_0_TLS_ENABLED: 'true',
      KAFKA_CLUSTERS_0_TLS_CA_FILE: file('ca.pem', PEM_CERT),
      KAFKA_CLUSTERS_0_TLS_SERVERNAME: 'kafka.internal',
    });
    expect(config.clusters[0]).toMatchObject({
      sasl: { mechanism: 'scram-sha-512', username: 'console', password: SECRET },
      tls: { enabled: true, ca: PEM_CERT, servername: 'kafka.internal', insecureSkipVerify: false },
    });
  });

  it('read mTLS with an encrypted key and OAuth client credentials from YAML', () => {
    const yaml = file(
      'config.yaml',
      [
        'clusters:',
        '  - name: cloud',
        '    bootstrapServers: ["k1:9093"]',
        '    sasl:',
        '      mechanism: oauthbearer',
        '      tokenEndpoint: https://auth.example.com/oauth2/token',
        '      clientId: kafkascope',
        `      clientSecretFile: ${file('client-secret', SECRET)}`,
        '      scope: kafka',
        '    tls:',
        `      certFile: ${client.cert}`,
        `      keyFile: ${client.encrypted}`,
        `      keyPassword: ${SECRET}`,
      ].join('\n'),
    );
    expect(loadConfig({ KAFKASCOPE_CONFIG: yaml }).clusters[0]).toMatchObject({
      sasl: { mechanism: 'oauthbearer', clientId: 'kafkascope', clientSecret: SECRET, scope: 'kafka' },
      tls: { enabled: true, cert: PEM_CERT, keyPassword: SECRET },
    });
  });

  it('name the bad field for each mistake, and never print a secret', () => {
    // null: the settings are fine.
    const cases: [Record<string, string>, RegExp | null][] = [
      [{ KAFKA_CLUSTERS_0_SASL_MECHANISM: 'gssapi' }, /KAFKA_CLUSTERS_0_SASL_MECHANISM: Invalid option/],
      [
        { KAFKA_CLUSTERS_0_SASL_MECHANISM: 'plain', KAFKA_CLUSTERS_0_SASL_PASSWORD: SECRET },
        /KAFKA_CLUSTERS_0_SASL_USERNAME: is required for plain/,
      ],
      [
        { KAFKA_CLUSTERS_0_SASL_MECHANISM: 'scram-sha-256', KAFKA_CLUSTERS_0_SASL_USERNAME: 'u' },
        /KAFKA_CLUSTERS_0_SASL_PASSWORD: is required for scram-sha-256/,
      ],
      [
        {
          KAFKA_CLUSTERS_0_SASL_MECHANISM: 'scram-sha-256',
          KAFKA_CLUSTERS_0_SASL_USERNAME: 'u',
          KAFKA_CLUSTERS_0_SASL_PASSWORD_FILE: '/nonexistent/kafka-password',
        },
        /KAFKA_CLUSTERS_0_SASL_PASSWORD_FILE: cannot read file \/nonexistent\/kafka-password \(ENOENT\)/,
      ],
      [
        { KAFKA_CLUSTERS_0_SASL_MECHANISM: 'oauthbearer' },
        /KAFKA_CLUSTERS_0_SASL_TOKEN_FILE: oauthbearer needs exactly one of tokenFile or tokenEndpoint/,
      ],
      [
        {
          KAFKA_CLUSTERS_0_SASL_MECHANISM: 'oauthbearer',
          KAFKA_CLUSTERS_0_SASL_TOKEN_ENDPOINT: 'not a url',
          KAFKA_CLUSTERS_0_SASL_CLIENT_SECRET: SECRET,
        },
        /KAFKA_CLUSTERS_0_SASL_TOKEN_ENDPOINT: expected an http\(s\) URL/,
      ],
      [
        {
          KAFKA_CLUSTERS_0_SASL_MECHANISM: 'oauthbearer',
          KAFKA_CLUSTERS_0_SASL_TOKEN_ENDPOINT: `https://auth.example.com/token?client_secret=${SECRET}`,
          KAFKA_CLUSTERS_0_SASL_CLIENT_ID: 'c',
          KAFKA_CLUSTERS_0_SASL_CLIENT_SECRET: 'x',
        },
        /KAFKA_CLUSTERS_0_SASL_TOKEN_ENDPOINT: must not contain a user name, password, query string or fragment/,
      ],
      [
        {
          KAFKA_CLUSTERS_0_SASL_MECHANISM: 'oauthbearer',
          KAFKA_CLUSTERS_0_SASL_TOKEN_ENDPOINT: `https://svc:${SECRET}@auth.example.com/token`,
          KAFKA_CLUSTERS_0_SASL_CLIENT_ID: 'c',
          KAFKA_CLUSTERS_0_SASL_CLIENT_SECRET: 'x',
        },
        /KAFKA_CLUSTERS_0_SASL_TOKEN_ENDPOINT: must not contain a user name, password, query string or fragment/,
      ],
      [
        { KAFKA_CLUSTERS_0_TLS_ENABLED: 'maybe' },
        /KAFKA_CLUSTERS_0_TLS_ENABLED: Invalid input: expected boolean/,
      ],
      [
        { KAFKA_CLUSTERS_0_TLS_CA_FILE: file('not-pem', SECRET) },
        /KAFKA_CLUSTERS_0_TLS_CA_FILE: .*not-pem does not contain PEM data/,
      ],
      [
        { KAFKA_CLUSTERS_0_TLS_CERT_FILE: file('cert.pem', PEM_CERT) },
        /KAFKA_CLUSTERS_0_TLS_KEY_FILE: a client certificate needs both/,
      ],
      [
        { KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD: SECRET },
        /KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD: is only used with key or keyFile/,
      ],
      [
        {
          KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD_FILE: '/nonexistent/key-pass',
          KAFKA_CLUSTERS_0_TLS_KEY: PEM_KEY,
        },
        /KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD_FILE: cannot read file \/nonexistent\/key-pass/,
      ],
      [
        {
          KAFKA_CLUSTERS_0_TLS_CERT_FILE: client.cert,
          KAFKA_CLUSTERS_0_TLS_KEY_FILE: client.encrypted,
          KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD: `${SECRET}x`,
        },
        /KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD: does not decrypt the key/,
      ],
      [
        { KAFKA_CLUSTERS_0_TLS_CERT_FILE: client.cert, KAFKA_CLUSTERS_0_TLS_KEY_FILE: client.encrypted },
        /KAFKA_CLUSTERS_0_TLS_KEY_FILE: is encrypted: set keyPassword or keyPasswordFile/,
      ],
      [
        { KAFKA_CLUSTERS_0_TLS_CERT_FILE: client.cert, KAFKA_CLUSTERS_0_TLS_KEY_FILE: other.key },
        /KAFKA_CLUSTERS_0_TLS_KEY_FILE: does not belong to the certificate/,
      ],
      [{ KAFKA_CLUSTERS_0_TLS_CERT: PEM_CERT, KAFKA_CLUSTERS_0_TLS_KEY: PEM_KEY }, null],
      [
        { KAFKA_CLUSTERS_0_SASL_PASSWORDFILE: SECRET },
        /Unknown cluster setting KAFKA_CLUSTERS_0_SASL_PASSWORDFILE/,
      ],
    ];
    for (const [env, expected] of cases) {
      if (expected === null) {
        expect(() => loadConfig({ ...base, ...env })).not.toThrow();
        continue;
      }
      const message = configError({ ...base, ...env });
      expect(message).toMatch(expected);
      expect(message).not.toContain(SECRET);
    }
  });

  it('report a YAML field with its path', () => {
    const yaml = file(
      'bad.yaml',
      `clusters:\n  - name: a\n    bootstrapServers: ["a:9093"]\n    sasl: {mechanism: plain, username: u, password: ${SECRET}, passwordFile: /x}\n`,
    );
    const message = configError({ KAFKASCOPE_CONFIG: yaml });
    expect(message).toContain(
      `${yaml}: clusters[0].sasl.passwordFile: give either password or passwordFile, not both`,
    );
    expect(message).not.toContain(SECRET);
  });
});
