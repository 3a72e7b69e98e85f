import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentialsSource, jwtExpiry, tokenFileSource } from '@/server/kafka/oauth';
import { unsecuredJwt } from '@/test/jwt';

let requests = 0;
const server = createServer((req, res) => {
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
