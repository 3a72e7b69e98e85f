import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuthConfig } from '@/server/auth/config';
import { hashPassword, verifyPassword } from '@/server/auth/password';

let hash = '';
beforeAll(async () => {
  // The lowest accepted cost keeps the suite quick; the format carries it, so verification still works.
  hash = await hashPassword('correct horse', { ln: 10, r: 8, p: 1 });
});

describe('passwords', () => {
  it('verifies the right password only, and hashes the same password differently each time', async () => {
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
    expect(await hashPassword('correct horse', { ln: 10, r: 8, p: 1 })).not.toBe(hash);
    expect(await verifyPassword('x', 'not a hash')).toBe(false);
  });
});

describe('auth configuration', () => {
  it('is login by default and refuses to start when nobody could sign in', () => {
    expect(() => loadAuthConfig({})).toThrow(/Login is on but nobody can sign in.*KAFKASCOPE_AUTH=none/s);
  });

  it('turns login off only when asked explicitly', () => {
    expect(loadAuthConfig({ KAFKASCOPE_AUTH: 'none' }).mode).toBe('none');
    expect(() => loadAuthConfig({ KAFKASCOPE_AUTH: 'off' })).toThrow(/KAFKASCOPE_AUTH: expected "login"/);
  });

  it('reads users from KAFKASCOPE_USERS_<n>_* and from the YAML auth section', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-auth-'));
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      `clusters: []\nauth:\n  users:\n    - username: alice\n      passwordHash: "${hash}"\n      role: admin\n`,
    );
    const config = loadAuthConfig({
      KAFKASCOPE_CONFIG: file,
      KAFKASCOPE_USERS_0_USERNAME: 'bob',
      KAFKASCOPE_USERS_0_PASSWORD_HASH: hash,
      KAFKASCOPE_USERS_0_ROLE: 'viewer',
    });
    expect(config.mode).toBe('login');
    expect([...config.users.values()].map((u) => [u.username, u.role])).toEqual([
      ['alice', 'admin'],
      ['bob', 'viewer'],
    ]);
  });

  it('names the bad setting without echoing a secret', () => {
    const bad = () =>
      loadAuthConfig({
        KAFKASCOPE_USERS_3_USERNAME: 'carol',
        KAFKASCOPE_USERS_3_PASSWORD_HASH: 'plaintext-password',
        KAFKASCOPE_USERS_3_ROLE: 'viewer',
      });
    expect(bad).toThrow(
      /KAFKASCOPE_USERS_3_\*: passwordHash: expected a hash printed by `npm run hash-password`/,
    );
    expect(bad).not.toThrow(/plaintext-password/);
    expect(() =>
      loadAuthConfig({
        KAFKASCOPE_USERS_0_USERNAME: 'x',
        KAFKASCOPE_USERS_0_PASSWORD_HASH: hash,
        KAFKASCOPE_USERS_0_ROLE: 'root',
      }),
    ).toThrow(/KAFKASCOPE_USERS_0_\*: role/);
    expect(() =>
      loadAuthConfig({
        KAFKASCOPE_USERS_0_USERNAME: 'oidc:alice',
        KAFKASCOPE_USERS_0_PASSWORD_HASH: hash,
        KAFKASCOPE_USERS_0_ROLE: 'admin',
      }),
    ).toThrow(/KAFKASCOPE_USERS_0_\*: username: must not start with "oidc:"/);
    expect(() => loadAuthConfig({ KAFKASCOPE_USERS_0_NAME: 'x' })).toThrow(
      /Unknown user setting KAFKASCOPE_USERS_0_NAME/,
    );
  });

  it('takes the session secret from a variable or a file, and generates one (flagged) otherwise', () => {
    const users = {
      KAFKASCOPE_USERS_0_USERNAME: 'a',
      KAFKASCOPE_USERS_0_PASSWORD_HASH: hash,
      KAFKASCOPE_USERS_0_ROLE: 'admin',
    };
    const generated = loadAuthConfig(users);
    expect(generated.sessionSecretGenerated).toBe(true);
    expect(generated.sessionSecret).toHaveLength(32);
    const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-secret-'));
    writeFileSync(path.join(dir, 'secret'), 'f'.repeat(40) + '\n');
    const fromFile = loadAuthConfig({ ...users, KAFKASCOPE_SESSION_SECRET_FILE: path.join(dir, 'secret') });
    expect(fromFile.sessionSecret.toString()).toBe('f'.repeat(40));
    expect(fromFile.sessionSecretGenerated).toBe(false);
    expect(() => loadAuthConfig({ ...users, KAFKASCOPE_SESSION_SECRET: 'short' })).toThrow(
      /at least 32 characters/,
    );
    expect(loadAuthConfig({ ...users, KAFKASCOPE_SESSION_TTL_MINUTES: '30' }).sessionTtlSeconds).toBe(1800);
    expect(loadAuthConfig(users).trustedProxies).toBe(0);
    expect(loadAuthConfig({ ...users, KAFKASCOPE_TRUSTED_PROXIES: '2' }).trustedProxies).toBe(2);
    expect(() => loadAuthConfig({ ...users, KAFKASCOPE_TRUSTED_PROXIES: 'yes' })).toThrow(
      /KAFKASCOPE_TRUSTED_PROXIES: expected a whole number from 0 to 10/,
    );
  });

  it('accepts OIDC alone, with its role mapping, and requires its client settings', () => {
    const config = loadAuthConfig({
      KAFKASCOPE_OIDC_ISSUER: 'https://login.example.com',
      KAFKASCOPE_OIDC_CLIENT_ID: 'kafkascope',
      KAFKASCOPE_OIDC_CLIENT_SECRET: 's3cret',
      KAFKASCOPE_OIDC_ADMIN_VALUES: 'kafka-admins, platform',
      KAFKASCOPE_OIDC_NAME: 'Example SSO',
    });
    expect(config.oidc).toMatchObject({
      roleClaim: 'groups',
      adminValues: ['kafka-admins', 'platform'],
      operatorValues: [],
      defaultRole: 'viewer',
      name: 'Example SSO',
    });
    expect(() =>
      loadAuthConfig({ KAFKASCOPE_OIDC_ISSUER: 'https://x', KAFKASCOPE_OIDC_CLIENT_ID: 'c' }),
    ).toThrow(/KAFKASCOPE_OIDC_CLIENT_SECRET/);
  });
});

describe('OIDC role mapping', () => {
  it('maps claim values to the highest matching role, else the default', async () => {
    const { roleFromClaims } = await import('@/server/auth/oidc');
    const oidc = loadAuthConfig({
      KAFKASCOPE_OIDC_ISSUER: 'https://login.example.com',
      KAFKASCOPE_OIDC_CLIENT_ID: 'c',
      KAFKASCOPE_OIDC_CLIENT_SECRET: 's',
      KAFKASCOPE_OIDC_ADMIN_VALUES: 'kafka-admins',
      KAFKASCOPE_OIDC_OPERATOR_VALUES: 'kafka-ops',
    }).oidc!;
    expect(roleFromClaims(oidc, { groups: ['staff', 'kafka-ops', 'kafka-admins'] })).toBe('admin');
    expect(roleFromClaims(oidc, { groups: 'staff kafka-ops' })).toBe('operator');
    expect(roleFromClaims(oidc, { groups: ['staff'] })).toBe('viewer');
    expect(roleFromClaims(oidc, {})).toBe('viewer');
  });
});
