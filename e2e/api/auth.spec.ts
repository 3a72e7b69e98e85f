import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { anonymous, signedIn, testUsers } from '../support/auth';
import { brokers } from '../support/kafka';

const AUDIT_TOPIC = 'kafkascope-e2e-audit';

test('sign in, who am I, sign out; the cookie is HttpOnly, SameSite=Lax and signed', async ({ baseURL }) => {
  const ctx = await anonymous(baseURL!);
  expect((await ctx.get('/api/auth/me')).status()).toBe(401);
  expect((await ctx.get('/api/clusters')).status()).toBe(401);
  // Health stays public for orchestrators.
  expect((await ctx.get('/api/health')).status()).toBe(200);

  const login = await ctx.post('/api/auth/login', {
    data: { username: 'operator', password: testUsers.operator.password },
  });
  expect(login.status()).toBe(200);
  const cookie = login.headers()['set-cookie']!;
  expect(cookie).toMatch(/^kafkascope_session=[\w-]+\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  expect(cookie).not.toContain('Secure');
  const me = await (await ctx.get('/api/auth/me')).json();
  expect(me).toMatchObject({ username: 'operator', role: 'operator', authMode: 'login', via: 'password' });
  // Operators answer alerts, so they may silence them, and keep connectors running; rules, channels
  // and connectors' configs stay with admins.
  expect(me.actions.sort()).toEqual([
    'alert.silence.create',
    'alert.silence.delete',
    'connect.connector.pause',
    'connect.connector.restart',
    'connect.connector.resume',
    'connect.task.restart',
    'group.offsets.reset',
    'message.produce',
  ]);
  expect(JSON.stringify(me)).not.toMatch(/scrypt|hash/i);

  await ctx.post('/api/auth/logout');
  expect((await ctx.get('/api/auth/me')).status()).toBe(401);
  await ctx.dispose();
});

test('a wrong password and an unknown user get the same answer; the cookie is Secure behind TLS', async ({
  baseURL,
}) => {
  const ctx = await anonymous(baseURL!);
  const wrong = await ctx.post('/api/auth/login', { data: { username: 'viewer', password: 'nope' } });
  const unknown = await ctx.post('/api/auth/login', { data: { username: 'nobody-here', password: 'nope' } });
  expect(wrong.status()).toBe(401);
  expect(await wrong.json()).toEqual(await unknown.json());
  const tls = await ctx.post('/api/auth/login', {
    data: { username: 'viewer', password: testUsers.viewer.password },
    headers: { 'x-forwarded-proto': 'https' },
  });
  expect(tls.headers()['set-cookie']).toMatch(/; Secure$/);
  // Another site cannot sign a browser in.
  const forged = await ctx.post('/api/auth/login', {
    data: { username: 'viewer', password: testUsers.viewer.password },
    headers: { origin: 'http://evil.example' },
  });
  expect((await forged.json()).error.code).toBe('csrf');
  await ctx.dispose();
});

test('repeated failures for one user are slowed down', async ({ baseURL }) => {
  const ctx = await anonymous(baseURL!);
  const username = `guess-${Date.now().toString(36)}`;
  const codes: string[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await ctx.post('/api/auth/login', { data: { username, password: `guess-${i}` } });
    codes.push((await response.json()).error.code);
  }
  expect(codes).toEqual([...Array(5).fill('unauthenticated'), 'too_many_requests']);
  await ctx.dispose();
});

test('parallel guesses are counted before they are checked; a forged X-Forwarded-For does not reset the block', async ({
  baseURL,
}) => {
  const ctx = await anonymous(baseURL!);
  const username = `burst-${Date.now().toString(36)}`;
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      ctx.post('/api/auth/login', {
        data: { username, password: `guess-${i}` },
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      }),
    ),
  );
  const statuses = responses.map((r) => r.status());
  // Only the 5 free attempts reach the password check; everyone else is told to wait.
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  const blocked = responses.find((r) => r.status() === 429)!;
  expect((await blocked.json()).error).toMatchObject({
    code: 'too_many_requests',
    message: expect.stringMatching(/^Too many failed attempts: try again in \d+ s$/),
  });
  // No proxy is trusted here: a new X-Forwarded-For is not a new caller.
  for (const forged of ['198.51.100.1', '198.51.100.2, 10.0.0.1']) {
    const again = await ctx.post('/api/auth/login', {
      data: { username, password: 'another-guess' },
      headers: { 'x-forwarded-for': forged },
    });
    expect(again.status()).toBe(429);
  }
  await ctx.dispose();
});

test('pages answer with a strict CSP and security headers; signed-out pages redirect to the login', async ({
  baseURL,
}) => {
  const ctx = await anonymous(baseURL!);
  const page = await ctx.get('/clusters/local/topics?q=x', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toBe(`/login?next=%2Fclusters%2Flocal%2Ftopics%3Fq%3Dx`);
  const login = await ctx.get('/login');
  const csp = login.headers()['content-security-policy']!;
  expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  for (const directive of [
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ])
    expect(csp).toContain(directive);
  expect(login.headers()['x-content-type-options']).toBe('nosniff');
  expect(login.headers()['referrer-policy']).toBe('same-origin');
  await ctx.dispose();
});

test('mutations are audited, allowed or refused, in the audit topic (read back with kcat)', async ({
  baseURL,
  request,
}) => {
  const topic = `e2e-audit-${Date.now().toString(36)}`;
  expect(
    (
      await request.post('/api/clusters/local/topics', {
        data: { name: topic, partitions: 1, replicationFactor: 1 },
      })
    ).status(),
  ).toBe(200);
  const viewer = await signedIn(baseURL!, 'viewer');
  expect((await viewer.delete(`/api/clusters/local/topics/${topic}`)).status()).toBe(403);
  expect((await request.delete(`/api/clusters/local/topics/${topic}`)).status()).toBe(200);
  await viewer.dispose();

  const records = () =>
    execFileSync('kcat', ['-C', '-b', brokers.join(','), '-t', AUDIT_TOPIC, '-o', '-200', '-e', '-q'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((line) => line.includes(topic))
      .map((line) => JSON.parse(line));
  await expect.poll(() => records().length).toBe(3);
  const [created, refused, deleted] = records();
  expect(created).toMatchObject({
    type: 'audit',
    user: 'admin',
    role: 'admin',
    action: 'topic.create',
    cluster: 'local',
    topic,
    result: 'ok',
    status: 200,
  });
  expect(refused).toMatchObject({
    user: 'viewer',
    role: 'viewer',
    action: 'topic.delete',
    topic,
    result: 'forbidden',
    status: 403,
  });
  expect(deleted).toMatchObject({ user: 'admin', action: 'topic.delete', result: 'ok' });
  expect(typeof created.durationMs).toBe('number');
});

test('sign-ins and sign-outs are audited, refused ones with the user name tried', async ({ baseURL }) => {
  const ctx = await anonymous(baseURL!);
  const stranger = `nobody-${Date.now().toString(36)}`;
  expect(
    (
      await ctx.post('/api/auth/login', { data: { username: stranger, password: 'not-logged-anywhere' } })
    ).status(),
  ).toBe(401);
  const viewer = await signedIn(baseURL!, 'viewer');
  expect((await viewer.post('/api/auth/logout')).status()).toBe(200);
  await viewer.dispose();
  await ctx.dispose();

  const lines = () =>
    execFileSync('kcat', ['-C', '-b', brokers.join(','), '-t', AUDIT_TOPIC, '-o', '-200', '-e', '-q'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((line) => line.includes('"auth.'))
      .map((line) => JSON.parse(line));
  await expect.poll(() => lines().some((l) => l.user === stranger)).toBe(true);
  const all = lines();
  expect(all.find((l) => l.user === stranger)).toMatchObject({
    type: 'audit',
    action: 'auth.login',
    via: 'password',
    role: null,
    result: 'unauthenticated',
    status: 401,
    ip: null,
  });
  expect(JSON.stringify(all)).not.toContain('not-logged-anywhere');
  await expect
    .poll(() =>
      lines()
        .filter((l) => l.user === 'viewer')
        .map((l) => `${l.action} ${l.result}`)
        .slice(-2),
    )
    .toEqual(['auth.login ok', 'auth.logout ok']);
});
