import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { ADMIN_STATE } from '../support/auth';
import { brokers } from '../support/kafka';

const run = Date.now().toString(36);
const SESSION_SECRET = 'e2e-only-session-secret-0123456789abcdef';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request sent as written: fetch and Playwright would normalise a malformed path before it left. */
function raw(
  baseURL: string,
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
): Promise<Raw> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: text }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

const adminCookie = () => {
  const state = JSON.parse(readFileSync(ADMIN_STATE, 'utf8')) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
};

function expectJsonError(response: Raw, status: number, code: string) {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['cache-control']).toBe('no-store');
  expect((JSON.parse(response.body) as { error: { code: string } }).error.code).toBe(code);
}

const topicsOnKafka = () => execFileSync('kcat', ['-L', '-b', brokers.join(','), '-J'], { encoding: 'utf8' });

test('paths that are not valid percent-encoding get a 400 in the JSON shape, logged and audited', async ({
  baseURL,
}) => {
  const cookie = adminCookie();
  for (const segment of ['%zz', '%', '%ff%fe'])
    for (const path of [`/api/clusters/local/topics/${segment}`, `/api/clusters/${segment}/topics`])
      expectJsonError(await raw(baseURL!, 'GET', path, { headers: { cookie } }), 400, 'validation_failed');

  const name = `e2e-bad-${run}%zz`;
  const deleted = await raw(baseURL!, 'DELETE', `/api/clusters/local/topics/${name}`, {
    headers: { cookie },
  });
  expectJsonError(deleted, 400, 'validation_failed');
  // The refused DELETE is in the audit topic like any other mutation.
  const audit = () =>
    execFileSync(
      'kcat',
      ['-C', '-b', brokers.join(','), '-t', 'kafkascope-e2e-audit', '-o', '-200', '-e', '-q'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((line) => line.includes(name))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  await expect.poll(() => audit().length).toBe(1);
  expect(audit()[0]).toMatchObject({
    action: 'topic.delete',
    topic: name,
    result: 'validation_failed',
    status: 400,
  });

  // Pages too: a plain 400 with the security headers, not Next's 500.
  const page = await raw(baseURL!, 'GET', '/clusters/%zz', { headers: { cookie } });
  expect(page.status).toBe(400);
  expect(page.headers['x-frame-options']).toBe('DENY');
});

test("Next's own 404, 405 and 431 under /api come in the JSON shape with the security headers", async ({
  baseURL,
}) => {
  const cookie = adminCookie();
  expectJsonError(await raw(baseURL!, 'GET', '/api/nope', { headers: { cookie } }), 404, 'not_found');
  expectJsonError(
    await raw(baseURL!, 'POST', '/api/clusters/local/nope/1', { headers: { cookie } }),
    404,
    'not_found',
  );
  expectJsonError(await raw(baseURL!, 'GET', '/api', { headers: { cookie } }), 404, 'not_found');
  expectJsonError(await raw(baseURL!, 'PUT', '/api/health'), 405, 'method_not_allowed');
  expectJsonError(
    await raw(baseURL!, 'POST', '/api/clusters', { headers: { cookie } }),
    405,
    'method_not_allowed',
  );
  const big = await raw(baseURL!, 'GET', '/api/health', { headers: { 'x-filler': 'a'.repeat(20_000) } });
  expectJsonError(big, 431, 'headers_too_large');
  // The routes themselves still answer.
  expect((await raw(baseURL!, 'GET', '/api/health')).status).toBe(200);
});

test('topic names Kafka rejects are a 400 on every topic route, never an empty topic', async ({
  baseURL,
}) => {
  const cookie = adminCookie();
  const names = ['a%2Fb', 'a'.repeat(250), '%C3%A9t%C3%A9', 'a%00b', 'a%3Ab', 'a%20b'];
  for (const name of names)
    for (const tail of ['', '/messages', '/search?q=x', '/tail', '/configs', '/messages/0/0'])
      expectJsonError(
        await raw(baseURL!, 'GET', `/api/clusters/local/topics/${name}${tail}`, { headers: { cookie } }),
        400,
        'validation_failed',
      );
  // A valid name that does not exist is a 404, as before.
  expectJsonError(
    await raw(baseURL!, 'GET', `/api/clusters/local/topics/e2e-none-${run}`, { headers: { cookie } }),
    404,
    'not_found',
  );
});

test('a body that is not declared JSON is refused with a 415 and creates nothing', async ({ baseURL }) => {
  const cookie = adminCookie();
  const name = `e2e-plain-${run}`;
  for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
    const response = await raw(baseURL!, 'POST', '/api/clusters/local/topics', {
      headers: { cookie, 'content-type': type },
      body: JSON.stringify({ name, partitions: 1, replicationFactor: 1 }),
    });
    expectJsonError(response, 415, 'unsupported_media_type');
  }
  expect(topicsOnKafka()).not.toContain(`"${name}"`);
});

test('a validly signed session cookie holding null is no session: 401 and a login redirect, never a 500', async ({
  baseURL,
}) => {
  const data = Buffer.from('null').toString('base64url');
  const cookie = `kafkascope_session=${data}.${createHmac('sha256', SESSION_SECRET).update(data).digest('base64url')}`;
  expectJsonError(
    await raw(baseURL!, 'GET', '/api/clusters', { headers: { cookie } }),
    401,
    'unauthenticated',
  );
  const page = await raw(baseURL!, 'GET', '/clusters/local', { headers: { cookie } });
  expect(page.status).toBe(307);
  expect(page.headers.location).toContain('/login');
});
