import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapOf, devCredentials } from '@/dev/kafka/local-cluster';
import { ensureDevScramLogins } from '@/test/dev-scram';
import { unsecuredJwt } from '@/test/jwt';

/**
 * Wrong credentials, an untrusted CA and an OAuth token endpoint, through the API route handlers the
 * browser calls, with five clusters configured at once: the failures stay with their own cluster,
 * and no secret shows up in an answer or in the server's log output.
 */
const creds = devCredentials();
const WRONG_PASSWORD = 'wrong-password-7f3a9c';
const CLIENT_ID = 'kafkascope-console';
const CLIENT_SECRET = 'client-secret-51d0e2';
const WRONG_CLIENT_SECRET = 'wrong-client-secret-88b1';
const issued: string[] = [];
let tokenRequests = 0;

/** A small OAuth token endpoint: client-credentials grant, HTTP Basic client authentication. */
const tokenServer: Server = createServer((req, res) => {
  tokenRequests += 1;
  const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
    .toString()
    .split(':')
    .map(decodeURIComponent);
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const form = new URLSearchParams(body);
    if (id !== CLIENT_ID || secret !== CLIENT_SECRET || form.get('grant_type') !== 'client_credentials') {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}');
      return;
    }
    const token = unsecuredJwt(`svc-${form.get('scope') ?? 'none'}`, 3600);
    issued.push(token);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
  });
});

const output: string[] = [];
const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
let routes: {
  health: () => Promise<Response>;
  clusters: () => Promise<Response>;
  brokers: (clusterId: string) => Promise<Response>;
  disconnectAll: () => Promise<void>;
};

beforeAll(async () => {
  await ensureDevScramLogins();
  await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/oauth2/token`;
  const sasl = bootstrapOf(creds.ports.saslPlaintext);
  const env: Record<string, string> = {
    KAFKASCOPE_LOG_LEVEL: 'debug',
    // This test is about cluster connections; the console's own login is off, explicitly.
    KAFKASCOPE_AUTH: 'none',
    KAFKA_CLUSTERS_0_NAME: 'good',
    KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: bootstrapOf(creds.ports.saslSsl),
    KAFKA_CLUSTERS_0_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_CLUSTERS_0_SASL_USERNAME: creds.username,
    KAFKA_CLUSTERS_0_SASL_PASSWORD: creds.password,
    KAFKA_CLUSTERS_0_TLS_CA_FILE: creds.files.ca,
    KAFKA_CLUSTERS_0_TLS_CERT_FILE: creds.files.clientCert,
    KAFKA_CLUSTERS_0_TLS_KEY_FILE: creds.files.clientEncryptedKey,
    KAFKA_CLUSTERS_0_TLS_KEY_PASSWORD: creds.keyPassphrase,
    KAFKA_CLUSTERS_1_NAME: 'wrong-password',
    KAFKA_CLUSTERS_1_BOOTSTRAP_SERVERS: sasl,
    KAFKA_CLUSTERS_1_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_CLUSTERS_1_SASL_USERNAME: creds.username,
    KAFKA_CLUSTERS_1_SASL_PASSWORD: WRONG_PASSWORD,
    KAFKA_CLUSTERS_2_NAME: 'untrusted',
    KAFKA_CLUSTERS_2_BOOTSTRAP_SERVERS: bootstrapOf(creds.ports.ssl),
    KAFKA_CLUSTERS_2_TLS_ENABLED: 'true',
    KAFKA_CLUSTERS_2_TLS_CA_FILE: creds.files.otherCa,
    KAFKA_CLUSTERS_3_NAME: 'oauth',
    KAFKA_CLUSTERS_3_BOOTSTRAP_SERVERS: sasl,
    KAFKA_CLUSTERS_3_SASL_MECHANISM: 'oauthbearer',
    KAFKA_CLUSTERS_3_SASL_TOKEN_ENDPOINT: endpoint,
    KAFKA_CLUSTERS_3_SASL_CLIENT_ID: CLIENT_ID,
    KAFKA_CLUSTERS_3_SASL_CLIENT_SECRET: CLIENT_SECRET,
    KAFKA_CLUSTERS_3_SASL_SCOPE: 'kafka',
    KAFKA_CLUSTERS_4_NAME: 'oauth-bad-secret',
    KAFKA_CLUSTERS_4_BOOTSTRAP_SERVERS: sasl,
    KAFKA_CLUSTERS_4_SASL_MECHANISM: 'oauthbearer',
    KAFKA_CLUSTERS_4_SASL_TOKEN_ENDPOINT: endpoint,
    KAFKA_CLUSTERS_4_SASL_CLIENT_ID: CLIENT_ID,
    KAFKA_CLUSTERS_4_SASL_CLIENT_SECRET: WRONG_CLIENT_SECRET,
  };
  Object.assign(process.env, env);
  // Everything the server writes from here on is kept, to be searched for secrets.
  for (const stream of ['stdout', 'stderr'] as const) {
    process[stream].write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return (writes[stream] as (...a: unknown[]) => boolean).call(process[stream], chunk, ...rest);
    }) as typeof process.stdout.write;
  }
  // The server's logger writes to file descriptor 1 directly: give it a sink that keeps each line,
  // built by the same factory (same redaction) the server uses.
  const { createLogger } = await import('@/server/log');
  (globalThis as { __kafkascopeLogger?: unknown }).__kafkascopeLogger = createLogger(
    { write: (line: string) => void output.push(line) },
    'debug',
  );
  // Imported only now, so that the server reads this configuration and log level, as at its start.
  const [{ checkConfigAtStart }, health, clusters, brokers, registry] = await Promise.all([
    import('@/server/config/check-at-start'),
    import('@/app/api/health/ready/route'),
    import('@/app/api/clusters/route'),
    import('@/app/api/clusters/[clusterId]/brokers/route'),
    import('@/server/kafka/client/registry'),
  ]);
  checkConfigAtStart();
  const call = (handler: typeof health.GET, url: string, params: Record<string, string> = {}) =>
    handler(new NextRequest(`http://localhost${url}`), { params: Promise.resolve(params) });
  routes = {
    health: () => call(health.GET, '/api/health/ready'),
    clusters: () => call(clusters.GET, '/api/clusters'),
    brokers: (clusterId) => call(brokers.GET, `/api/clusters/${clusterId}/brokers`, { clusterId }),
    disconnectAll: registry.disconnectAll,
  };
});

afterAll(async () => {
  delete (globalThis as { __kafkascopeLogger?: unknown }).__kafkascopeLogger;
  process.stdout.write = writes.stdout;
  process.stderr.write = writes.stderr;
  await routes?.disconnectAll();
  await new Promise((resolve) => tokenServer.close(resolve));
});

describe('secured clusters that fail', () => {
  const bodies: string[] = [];
  const json = async (response: Response) => {
    const text = await response.text();
    bodies.push(text);
    return JSON.parse(text) as Record<string, unknown>;
  };

  it('health: a wrong password, an untrusted CA and a refused OAuth client each fail on their own cluster', async () => {
    const response = await routes.health();
    // The console still serves the good clusters: readiness stays 200 and names the failing ones.
    expect(response.status).toBe(200);
    const body = (await json(response)) as { status: string; clusters: Record<string, unknown>[] };
    expect(body.status).toBe('degraded');
    const byId = Object.fromEntries(body.clusters.map((c) => [c.id, c]));
    expect(byId.good).toMatchObject({ status: 'up', brokers: 3, errorCode: null });
    expect(byId.oauth).toMatchObject({ status: 'up', brokers: 3, errorCode: null });
    expect(byId['wrong-password']).toMatchObject({
      status: 'down',
      errorCode: 'authentication_failed',
      error:
        'Authentication failed for cluster "wrong-password" (SCRAM-SHA-512): check the username and password',
    });
    expect(byId.untrusted).toMatchObject({ status: 'down', errorCode: 'tls_failed' });
    expect(byId.untrusted!.error).toMatch(
      /TLS handshake with 127\.0\.0\.1:\d+ failed: certificate not trusted/,
    );
    expect(byId['oauth-bad-secret']).toMatchObject({ status: 'down', errorCode: 'authentication_failed' });
    expect(byId['oauth-bad-secret']!.error).toMatch(
      /Authentication failed for cluster "oauth-bad-secret" \(OAUTHBEARER\).*token endpoint .* answered 401/,
    );
  });

  it('a page of the failing cluster answers 502 authentication_failed while the good cluster answers', async () => {
    const bad = await routes.brokers('wrong-password');
    expect(bad.status).toBe(502);
    expect(await json(bad)).toEqual({
      error: {
        code: 'authentication_failed',
        message:
          'Authentication failed for cluster "wrong-password" (SCRAM-SHA-512): check the username and password',
      },
    });
    const untrusted = await routes.brokers('untrusted');
    expect(untrusted.status).toBe(502);
    expect(await json(untrusted)).toMatchObject({ error: { code: 'tls_failed' } });
    const good = await routes.brokers('good');
    expect(good.status).toBe(200);
    // Requests over TLS sockets are counted too: Metadata, then DescribeLogDirs per broker at least.
    expect(Number(good.headers.get('x-kafka-requests'))).toBeGreaterThanOrEqual(4);
    expect(((await json(good)) as { brokers: unknown[] }).brokers).toHaveLength(3);
  });

  it('the OAuth token is fetched once and reused for every broker connection', async () => {
    const oauth = await routes.brokers('oauth');
    expect(oauth.status).toBe(200);
    expect(((await json(oauth)) as { brokers: unknown[] }).brokers).toHaveLength(3);
    // One good token for the connections to the 3 brokers of two clients; the bad client was refused.
    expect(issued).toHaveLength(1);
    expect(tokenRequests).toBeGreaterThanOrEqual(2);
  });

  it('/api/clusters shows protocol and mechanism, nothing more', async () => {
    const body = (await json(await routes.clusters())) as { clusters: Record<string, unknown>[] };
    expect(body.clusters.map((c) => [c.id, c.security])).toEqual([
      ['good', { protocol: 'SASL_SSL', mechanism: 'SCRAM-SHA-512', clientCertificate: true }],
      [
        'wrong-password',
        { protocol: 'SASL_PLAINTEXT', mechanism: 'SCRAM-SHA-512', clientCertificate: false },
      ],
      ['untrusted', { protocol: 'SSL', mechanism: null, clientCertificate: false }],
      ['oauth', { protocol: 'SASL_PLAINTEXT', mechanism: 'OAUTHBEARER', clientCertificate: false }],
      [
        'oauth-bad-secret',
        { protocol: 'SASL_PLAINTEXT', mechanism: 'OAUTHBEARER', clientCertificate: false },
      ],
    ]);
  });

  it('no secret appears in any answer or in the log output', () => {
    const secrets = [
      creds.password,
      WRONG_PASSWORD,
      CLIENT_SECRET,
      WRONG_CLIENT_SECRET,
      creds.keyPassphrase,
      ...issued,
      // The private key, by a line of its base64 body.
      readFileSync(creds.files.clientEncryptedKey, 'utf8').split('\n')[3]!,
    ];
    const everything = [...bodies, ...output].join('\n');
    expect(bodies.length).toBeGreaterThanOrEqual(6);
    // The log did get written: the start-up summary and kafkajs's reports of the failures.
    expect(everything).toContain('clusters configured');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});
