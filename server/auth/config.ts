import 'server-only';
import { envSecret } from '@/server/config/env-secret';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AuthModeSchema, RoleSchema, type AuthMode, type Role } from '@/lib/schemas/auth';
import { parsePasswordHash } from '@/server/auth/password';
import { readYamlFile } from '@/server/config/yaml-file';

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

type Env = Record<string, string | undefined>;

export interface ConfiguredUser {
  username: string;
  passwordHash: string;
  role: Role;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  /** Shown on the login button: "Sign in with <name>". */
  name: string;
  usernameClaim: string;
  roleClaim: string;
  adminValues: string[];
  operatorValues: string[];
  defaultRole: Role;
}

export interface AuthConfig {
  mode: AuthMode;
  users: Map<string, ConfiguredUser>;
  oidc: OidcConfig | null;
  sessionSecret: Buffer;
  /** True when no secret was configured: sessions end when the process does. */
  sessionSecretGenerated: boolean;
  sessionTtlSeconds: number;
  /** `always` marks cookies Secure even over plain HTTP (a TLS-terminating proxy that sends no X-Forwarded-Proto). */
  secureCookies: 'auto' | 'always';
  /** The origin browsers use, when the console sits behind a proxy that rewrites Host. */
  publicOrigin: string | null;
  /**
   * How many reverse proxies stand in front of the console (KAFKASCOPE_TRUSTED_PROXIES). Only then are
   * X-Forwarded-For/-Host/-Proto believed: without a proxy, any client can send them.
   */
  trustedProxies: number;
}

/** Single sign-on user names carry this prefix, so they never collide with password users. */
export const OIDC_USER_PREFIX = 'oidc:';

const UserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .refine(
      (name) => !name.startsWith(OIDC_USER_PREFIX),
      `must not start with "${OIDC_USER_PREFIX}" (kept for single sign-on users)`,
    ),
  passwordHash: z
    .string()
    .refine(
      (h) => parsePasswordHash(h) !== null,
      'expected a hash printed by `npm run hash-password` ($scrypt$…)',
    ),
  role: RoleSchema,
});
const USER_ENV = /^KAFKASCOPE_USERS_(\d+)_([A-Z_]+)$/;
const USER_FIELDS: Record<string, keyof ConfiguredUser> = {
  USERNAME: 'username',
  PASSWORD_HASH: 'passwordHash',
  ROLE: 'role',
};

function issueText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

function yamlAuthSection(env: Env): { mode?: unknown; users: { raw: unknown; source: string }[] } {
  const file = env.KAFKASCOPE_CONFIG;
  if (!file) return { users: [] };
  let doc: unknown;
  try {
    doc = readYamlFile(file);
  } catch (error) {
    throw new AuthConfigError((error as Error).message);
  }
  const auth = (doc as { auth?: { mode?: unknown; users?: unknown } } | null)?.auth;
  if (auth === undefined || auth === null) return { users: [] };
  const users = auth.users ?? [];
  if (!Array.isArray(users)) throw new AuthConfigError(`${file}: auth.users must be a list`);
  return { mode: auth.mode, users: users.map((raw, i) => ({ raw, source: `${file}: auth.users[${i}]` })) };
}

function usersFromEnv(env: Env): { raw: unknown; source: string }[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(env)) {
    const match = USER_ENV.exec(key);
    if (!match || value === undefined) continue;
    const field = USER_FIELDS[match[2]!];
    if (!field)
      throw new AuthConfigError(
        `Unknown user setting ${key} (known: ${Object.keys(USER_FIELDS).join(', ')})`,
      );
    const user = byIndex.get(Number(match[1])) ?? {};
    user[field] = value;
    byIndex.set(Number(match[1]), user);
  }
  return [...byIndex.keys()]
    .sort((a, b) => a - b)
    .map((i) => ({ raw: byIndex.get(i), source: `KAFKASCOPE_USERS_${i}_*` }));
}

function loadUsers(env: Env, fromYaml: { raw: unknown; source: string }[]): Map<string, ConfiguredUser> {
  const users = new Map<string, ConfiguredUser>();
  for (const { raw, source } of [...fromYaml, ...usersFromEnv(env)]) {
    const parsed = UserSchema.safeParse(raw);
    // Only the field names reach the message: a malformed hash is a secret too.
    if (!parsed.success) throw new AuthConfigError(`${source}: ${issueText(parsed.error)}`);
    if (users.has(parsed.data.username))
      throw new AuthConfigError(`${source}: duplicate user "${parsed.data.username}"`);
    users.set(parsed.data.username, parsed.data);
  }
  return users;
}

const secretFrom = (env: Env, name: string) =>
  envSecret(env, name, (message) => new AuthConfigError(message));

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function loadOidc(env: Env): OidcConfig | null {
  const issuer = env.KAFKASCOPE_OIDC_ISSUER;
  if (!issuer) return null;
  try {
    new URL(issuer);
  } catch {
    throw new AuthConfigError(
      'KAFKASCOPE_OIDC_ISSUER: expected a URL, e.g. https://login.example.com/realms/main',
    );
  }
  const clientId = env.KAFKASCOPE_OIDC_CLIENT_ID;
  if (!clientId) throw new AuthConfigError('KAFKASCOPE_OIDC_CLIENT_ID: required with KAFKASCOPE_OIDC_ISSUER');
  const clientSecret = secretFrom(env, 'KAFKASCOPE_OIDC_CLIENT_SECRET');
  if (!clientSecret)
    throw new AuthConfigError(
      'KAFKASCOPE_OIDC_CLIENT_SECRET (or _FILE): required with KAFKASCOPE_OIDC_ISSUER',
    );
  const defaultRole = RoleSchema.safeParse(env.KAFKASCOPE_OIDC_DEFAULT_ROLE ?? 'viewer');
  if (!defaultRole.success)
    throw new AuthConfigError('KAFKASCOPE_OIDC_DEFAULT_ROLE: expected viewer, operator or admin');
  return {
    issuer,
    clientId,
    clientSecret,
    scopes: env.KAFKASCOPE_OIDC_SCOPES || 'openid profile email',
    name: env.KAFKASCOPE_OIDC_NAME || 'single sign-on',
    usernameClaim: env.KAFKASCOPE_OIDC_USERNAME_CLAIM || 'preferred_username',
    roleClaim: env.KAFKASCOPE_OIDC_ROLE_CLAIM || 'groups',
    adminValues: list(env.KAFKASCOPE_OIDC_ADMIN_VALUES),
    operatorValues: list(env.KAFKASCOPE_OIDC_OPERATOR_VALUES),
    defaultRole: defaultRole.data,
  };
}

function nonNegativeInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10)
    throw new AuthConfigError(`${name}: expected a whole number from 0 to 10`);
  return value;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new AuthConfigError(`${name}: expected a positive whole number`);
  return value;
}

/** Reads and validates who may sign in and how; throws AuthConfigError naming the bad setting. */
export function loadAuthConfig(env: Env = process.env): AuthConfig {
  const yaml = yamlAuthSection(env);
  const mode = AuthModeSchema.safeParse(env.KAFKASCOPE_AUTH ?? yaml.mode ?? 'login');
  if (!mode.success) throw new AuthConfigError('KAFKASCOPE_AUTH: expected "login" (the default) or "none"');
  const users = loadUsers(env, yaml.users);
  const oidc = loadOidc(env);
  if (mode.data === 'login' && users.size === 0 && !oidc) {
    throw new AuthConfigError(
      'Login is on but nobody can sign in: configure users (KAFKASCOPE_USERS_0_USERNAME, _PASSWORD_HASH, _ROLE ' +
        'or an auth.users list in KAFKASCOPE_CONFIG; hashes come from `npm run hash-password`) or OIDC ' +
        '(KAFKASCOPE_OIDC_ISSUER, …). To run without login, set KAFKASCOPE_AUTH=none explicitly.',
    );
  }
  const secret = secretFrom(env, 'KAFKASCOPE_SESSION_SECRET');
  if (secret !== undefined && secret.length < 32)
    throw new AuthConfigError(
      'KAFKASCOPE_SESSION_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 48`)',
    );
  const secure = env.KAFKASCOPE_COOKIE_SECURE ?? 'auto';
  if (secure !== 'auto' && secure !== 'true')
    throw new AuthConfigError('KAFKASCOPE_COOKIE_SECURE: expected auto or true');
  let publicOrigin: string | null = null;
  if (env.KAFKASCOPE_PUBLIC_URL) {
    try {
      publicOrigin = new URL(env.KAFKASCOPE_PUBLIC_URL).origin;
    } catch {
      throw new AuthConfigError('KAFKASCOPE_PUBLIC_URL: expected a URL, e.g. https://kafka.example.com');
    }
  }
  return {
    mode: mode.data,
    users,
    oidc,
    sessionSecret: secret ? Buffer.from(secret, 'utf8') : randomBytes(32),
    sessionSecretGenerated: !secret,
    sessionTtlSeconds: positiveInt(env, 'KAFKASCOPE_SESSION_TTL_MINUTES', 480) * 60,
    secureCookies: secure === 'true' ? 'always' : 'auto',
    publicOrigin,
    trustedProxies: nonNegativeInt(env, 'KAFKASCOPE_TRUSTED_PROXIES', 0),
  };
}

// On globalThis: the proxy and the route handlers are separate bundles in one process, and a generated
// session secret must be the same for both.
const cache = globalThis as unknown as { __kafkascopeAuth?: AuthConfig };

export function getAuthConfig(): AuthConfig {
  cache.__kafkascopeAuth ??= loadAuthConfig();
  return cache.__kafkascopeAuth;
}
