import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentialsSource, jwtExpiry, tokenFileSource } from '@/server/kafka/client/oauth';
import { unsecuredJwt } from '@/test/jwt';

let requests = 0;
const server = createServer((req, res) => {
  if (req.url?.startsWith('/deny')) {
    res.writeHead(401).end();
    return;
  }
  requests += 1;
  // A little slow, so that calls made together overlap.
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: `token-${requests}`, expires_in: 600 }));
  }, 50);
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('OAuth client-credentials tokens', () => {
  it('are fetched once for concurrent connections, reused, and renewed a minute before expiry', async () => {
    let clock = 1_000_000;
    const token = clientCredentialsSource(
      { tokenEndpoint: endpoint, clientId: 'id', clientSecret: 'secret' },
      5_000,
      () => clock,
    );
    const first = await Promise.all([token(), token(), token()]);
    expect(first).toEqual(['token-1', 'token-1', 'token-1']);
    clock += 539_000; // 9 min: still more than a minute left
    expect(await token()).toBe('token-1');
    clock += 2_000; // less than a minute left
    expect(await token()).toBe('token-2');
    expect(requests).toBe(2);
  });
});

describe('OAuth token endpoint failures', () => {
  const LEAK = 'leaked-secret-value';
  const failure = async (tokenEndpoint: string) => {
    const token = clientCredentialsSource({ tokenEndpoint, clientId: 'id', clientSecret: 'secret' }, 5_000);
    return token().then(
      () => 'no error',
      (error: Error) => error.message,
    );
  };

  it('name the endpoint by origin and path, never its query, user info or the fetch error text', async () => {
    const origin = new URL(endpoint).origin;
    expect(await failure(`${origin}/deny?client_secret=${LEAK}#${LEAK}`)).toBe(
      `OAuth token endpoint ${origin}/deny answered 401: check the client id and secret`,
    );
    // A port nobody listens on any more: the connection is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(`http://127.0.0.1:${port}/token?key=${LEAK}`)).toBe(
      `OAuth token endpoint http://127.0.0.1:${port}/token: request failed (ECONNREFUSED)`,
    );
    const withUserInfo = await failure(`http://svc:${LEAK}@127.0.0.1:${port}/token`);
    expect(withUserInfo).toMatch(
      new RegExp(`^OAuth token endpoint http://127\\.0\\.0\\.1:${port}/token: request failed`),
    );
    expect(withUserInfo).not.toContain(LEAK);
  });
});

describe('OAuth token files', () => {
  it('are re-read when the file changes, not at every connection', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kafkascope-token-')), 'token');
    const a = unsecuredJwt('a', 3600);
    writeFileSync(file, `${a}\n`);
    const token = tokenFileSource(file);
    expect(await token()).toBe(a);
    expect(jwtExpiry(a)).toBeGreaterThan(Date.now());
    const b = unsecuredJwt('b', 3600);
    writeFileSync(file, b);
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await token()).toBe(b);
  });
});
