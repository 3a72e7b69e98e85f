import { expect, test } from '@playwright/test';
import { anonymous } from '../support/auth';

// No trace in this file: the server answers 413 without reading an 11 MB body to its end, and
// Playwright's trace recorder can then fail to store the half-sent upload.
test.use({ trace: 'off' });

test('oversized bodies are refused: after the session check for mutations, at 16 KB for sign-in', async ({
  baseURL,
  request,
}) => {
  const huge = JSON.stringify({ value: 'x'.repeat(11 * 1024 * 1024) });
  const produce = '/api/clusters/local/topics/e2e-no-such-topic/messages';
  const ctx = await anonymous(baseURL!);
  // Without a session the body is never read: the answer is 401, not 413.
  const anon = await ctx.post(produce, { data: huge, headers: { 'content-type': 'application/json' } });
  expect(anon.status()).toBe(401);
  expect((await anon.json()).error.code).toBe('unauthenticated');

  const signed = await request.post(produce, { data: huge, headers: { 'content-type': 'application/json' } });
  expect(signed.status()).toBe(413);
  expect(signed.headers()['cache-control']).toBe('no-store');
  expect(signed.headers()['x-content-type-options']).toBe('nosniff');
  expect((await signed.json()).error).toEqual({
    code: 'payload_too_large',
    message: 'The request body is larger than 10 MB, the limit for this request',
  });

  const login = await ctx.post('/api/auth/login', {
    data: { username: 'viewer', password: 'p'.repeat(20 * 1024) },
  });
  expect(login.status()).toBe(413);
  expect((await login.json()).error.code).toBe('payload_too_large');
  await ctx.dispose();
});
