import { mkdtempSync, writeFileSync } from 'node:fs';
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
const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const base = { KAFKA_CLUSTERS_0_NAME: 'prod', KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: 'k1:9093' };
const SECRET = 'hunter2-do-not-print';

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
        `      certFile: ${file('client.pem', PEM_CERT)}`,
        `      keyFile: ${file('client.key', PEM_KEY)}`,
        `      keyPassword: ${SECRET}`,
      ].join('\n'),
    );
    expect(loadConfig({ KAFKASCOPE_CONFIG: yaml }).clusters[0]).toMatchObject({
      sasl: { mechanism: 'oauthbearer', clientId: 'kafkascope', clientSecret: SECRET, scope: 'kafka' },
      tls: { enabled: true, cert: PEM_CERT, key: PEM_KEY, keyPassword: SECRET },
    });
  });

  it('name the bad field for each mistake, and never print a secret', () => {
    const cases: [Record<string, string>, RegExp][] = [
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
        { KAFKA_CLUSTERS_0_SASL_PASSWORDFILE: SECRET },
        /Unknown cluster setting KAFKA_CLUSTERS_0_SASL_PASSWORDFILE/,
      ],
    ];
    for (const [env, expected] of cases) {
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
