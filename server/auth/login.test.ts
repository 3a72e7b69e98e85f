import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginSchema } from '@/lib/schemas/auth';
import { loadAuthConfig, type AuthConfig } from '@/server/auth/config';
import { passwordSignIn } from '@/server/auth/login';
import { hashPassword } from '@/server/auth/password';
import { AppError } from '@/server/http/app-error';

let config: AuthConfig;
beforeAll(async () => {
  const hash = await hashPassword('right password', { ln: 10, r: 8, p: 1 });
  config = loadAuthConfig({
    KAFKASCOPE_USERS_0_USERNAME: 'ann',
    KAFKASCOPE_USERS_0_PASSWORD_HASH: hash,
    KAFKASCOPE_USERS_0_ROLE: 'operator',
  });
});
afterEach(() => vi.restoreAllMocks());

function use(overrides: Partial<AuthConfig>) {
  (globalThis as { __kafkascopeAuth?: AuthConfig }).__kafkascopeAuth = { ...config, ...overrides };
}

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  new Request('http://console.local/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

/** Runs a sign-in and returns its status and the audit lines it wrote to stdout. */
async function signIn(request: Request): Promise<{ status: number; audit: Record<string, unknown>[] }> {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  let status: number;
  try {
    status = (await passwordSignIn(request, async () => LoginSchema.parse(await request.json()))).status;
  } catch (error) {
    status = (error as AppError).status;
  }
  vi.restoreAllMocks();
  const audit = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => l.type === 'audit');
  return { status, audit };
}

describe('password sign-in audit', () => {
  it('writes auth.login for a success, a wrong password and a throttled attempt, with the name tried', async () => {
    use({ trustedProxies: 0 });
    const ok = await signIn(login('ann', 'right password', { 'x-forwarded-for': '203.0.113.5' }));
    expect(ok.status).toBe(200);
    expect(ok.audit).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        user: 'ann',
        role: 'operator',
        via: 'password',
        result: 'ok',
        status: 200,
        cluster: null,
        // No proxy is trusted: a client-written X-Forwarded-For is not an address.
        ip: null,
      }),
    ]);
    const wrong = await signIn(login('mallory-tried-this', 'guess'));
    expect(wrong.status).toBe(401);
    expect(wrong.audit).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        user: 'mallory-tried-this',
        role: null,
        result: 'unauthenticated',
      }),
    ]);
    expect(JSON.stringify(wrong.audit)).not.toContain('guess');
    for (let i = 0; i < 5; i++) await signIn(login('mallory-tried-this', `guess-${i}`));
    const throttled = await signIn(login('mallory-tried-this', 'guess'));
    expect(throttled.status).toBe(429);
    expect(throttled.audit).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        user: 'mallory-tried-this',
        result: 'too_many_requests',
        status: 429,
      }),
    ]);
  });

  it('records the address the trusted proxy saw', async () => {
    use({ trustedProxies: 1 });
    const ok = await signIn(login('ann', 'right password', { 'x-forwarded-for': '1.2.3.4, 198.51.100.7' }));
    expect(ok.audit[0]).toMatchObject({ action: 'auth.login', result: 'ok', ip: '198.51.100.7' });
  });
});
