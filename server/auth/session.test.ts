import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthConfig } from '@/server/auth/config';
import { decodeSession, encodeSession } from '@/server/auth/session';

const config: AuthConfig = {
  mode: 'login',
  users: new Map([['ann', { username: 'ann', passwordHash: 'x', role: 'operator' }]]),
  oidc: null,
  sessionSecret: Buffer.from('a'.repeat(32)),
  sessionSecretGenerated: false,
  sessionTtlSeconds: 3600,
  secureCookies: 'auto',
  publicOrigin: null,
  trustedProxies: 0,
};

describe('session cookie', () => {
  const now = Date.UTC(2026, 0, 1);
  const { value } = encodeSession({ username: 'ann', role: 'operator', via: 'password' }, config, now);

  it('round-trips while valid and expires after its lifetime', () => {
    expect(decodeSession(value, config, now + 1000)).toMatchObject({ username: 'ann', role: 'operator' });
    expect(decodeSession(value, config, now + 3600_000)).toBeNull();
  });

  it('rejects a tampered payload, another secret, and garbage', () => {
    const [data, mac] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'ann', r: 'admin', v: 'oidc', exp: 9e9 })).toString(
      'base64url',
    );
    expect(decodeSession(`${forged}.${mac}`, config, now)).toBeNull();
    expect(decodeSession(value, { ...config, sessionSecret: Buffer.from('b'.repeat(32)) }, now)).toBeNull();
    expect(decodeSession(`${data}`, config, now)).toBeNull();
    expect(decodeSession('', config, now)).toBeNull();
  });

  it('rejects validly signed cookies whose content is not a session object', () => {
    const signed = (json: string) => {
      const data = Buffer.from(json).toString('base64url');
      return `${data}.${createHmac('sha256', config.sessionSecret).update(data).digest('base64url')}`;
    };
    for (const json of ['null', '1', '"x"', '[]', 'true', '{}'])
      expect(decodeSession(signed(json), config, now), json).toBeNull();
  });

  it('ends password sessions when the password changes', () => {
    const rehashed = new Map([['ann', { username: 'ann', passwordHash: 'y', role: 'operator' as const }]]);
    expect(decodeSession(value, { ...config, users: rehashed }, now)).toBeNull();
    // A session cookie without the fingerprint (made by hand, or by an older console) is not accepted either.
    const payload = JSON.parse(Buffer.from(value.split('.')[0]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(typeof payload.f).toBe('string');
    expect(JSON.stringify(payload)).not.toContain('"x"');
    const { f: _dropped, ...withoutPrint } = payload;
    const data = Buffer.from(JSON.stringify(withoutPrint)).toString('base64url');
    const resigned = `${data}.${createHmac('sha256', config.sessionSecret).update(data).digest('base64url')}`;
    expect(decodeSession(resigned, config, now)).toBeNull();
  });

  it('ends single sign-on sessions when single sign-on is no longer configured', () => {
    const oidc = { ...config, oidc: { issuer: 'https://login.example.com' } as AuthConfig['oidc'] };
    const sso = encodeSession({ username: 'oidc:bea', role: 'admin', via: 'oidc' }, oidc, now).value;
    expect(decodeSession(sso, oidc, now)).toMatchObject({ username: 'oidc:bea', role: 'admin', via: 'oidc' });
    expect(decodeSession(sso, config, now)).toBeNull();
  });

  it('follows the configuration: a removed user is signed out, a changed role applies at once', () => {
    expect(decodeSession(value, { ...config, users: new Map() }, now)).toBeNull();
    const promoted = new Map([['ann', { username: 'ann', passwordHash: 'x', role: 'admin' as const }]]);
    expect(decodeSession(value, { ...config, users: promoted }, now)?.role).toBe('admin');
  });
});
