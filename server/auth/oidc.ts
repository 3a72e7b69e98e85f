import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import { safeNextPath, type Role } from '@/lib/schemas/auth';
import { OIDC_USER_PREFIX, getAuthConfig, type OidcConfig } from '@/server/auth/config';
import { serverOrigin } from '@/server/auth/guard';
import type { Session } from '@/server/auth/session';
import { AppError } from '@/server/http/app-error';
import { log } from '@/server/log';

export const OIDC_FLOW_COOKIE = 'kafkascope_oidc';
export const CALLBACK_PATH = '/api/auth/oidc/callback';
const FLOW_TTL_SECONDS = 600;

/** What the callback must find again: kept in a short-lived signed cookie, so no server-side store is needed. */
interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  exp: number;
}

const store = globalThis as unknown as { __kafkascopeOidc?: Promise<client.Configuration> };

/** The provider's metadata, discovered once; a failed discovery is retried on the next sign-in. */
function providerConfig(oidc: OidcConfig): Promise<client.Configuration> {
  store.__kafkascopeOidc ??= client
    .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, {
      // Only an http:// issuer (a provider on the same host or in a test) needs this; https is the norm.
      execute: new URL(oidc.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
    })
    .catch((error: unknown) => {
      store.__kafkascopeOidc = undefined;
      throw error;
    });
  return store.__kafkascopeOidc;
}

const mac = (data: string) =>
  createHmac('sha256', getAuthConfig().sessionSecret).update(`oidc:${data}`).digest('base64url');

function sealFlow(flow: Flow): string {
  const data = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${data}.${mac(data)}`;
}

function openFlow(value: string | undefined): Flow | null {
  const [data, given] = (value ?? '').split('.');
  if (!data || !given) return null;
  const expected = Buffer.from(mac(data));
  if (Buffer.from(given).length !== expected.length || !timingSafeEqual(Buffer.from(given), expected))
    return null;
  let flow: Partial<Flow> | null;
  try {
    flow = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Partial<Flow> | null;
  } catch {
    return null;
  }
  // A signed `null` or a flow missing a field is no flow: refused like a bad signature, never a 500.
  if (typeof flow !== 'object' || flow === null || typeof flow.exp !== 'number') return null;
  const { state, nonce, verifier, next, exp } = flow;
  if (![state, nonce, verifier, next].every((v) => typeof v === 'string')) return null;
  return exp * 1000 > Date.now() ? (flow as Flow) : null;
}

function oidcOrThrow(): OidcConfig {
  const config = getAuthConfig();
  if (config.mode !== 'login' || !config.oidc)
    throw new AppError('not_found', 'Single sign-on is not configured');
  return config.oidc;
}

/** The provider's authorization URL (code flow with PKCE, state and nonce) and the cookie that remembers them. */
export async function startSignIn(
  request: Request,
  next: string | null,
): Promise<{ url: URL; flowCookie: string }> {
  const oidc = oidcOrThrow();
  const config = await providerConfig(oidc);
  const verifier = client.randomPKCECodeVerifier();
  const flow: Flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    next: safeNextPath(next),
    exp: Math.floor(Date.now() / 1000) + FLOW_TTL_SECONDS,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: serverOrigin(request) + CALLBACK_PATH,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { url, flowCookie: sealFlow(flow) };
}

function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

export function roleFromClaims(oidc: OidcConfig, claims: Record<string, unknown>): Role {
  const values = claimValues(claims[oidc.roleClaim]);
  if (values.some((v) => oidc.adminValues.includes(v))) return 'admin';
  if (values.some((v) => oidc.operatorValues.includes(v))) return 'operator';
  return oidc.defaultRole;
}

/** Exchanges the code (checking state, nonce and PKCE) and maps the user's claims to a session. */
export async function finishSignIn(
  request: Request,
  flowCookie: string | undefined,
): Promise<{ session: Omit<Session, 'expiresAt'>; next: string }> {
  const oidc = oidcOrThrow();
  const flow = openFlow(flowCookie);
  if (!flow) throw new AppError('validation_failed', 'oidc_state');
  const config = await providerConfig(oidc);
  // The URL the provider redirected to, as the browser saw it (behind a proxy too).
  const url = new URL(request.url);
  const current = new URL(serverOrigin(request) + url.pathname + url.search);
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: flow.verifier,
    expectedState: flow.state,
    expectedNonce: flow.nonce,
    idTokenExpected: true,
  });
  let claims: Record<string, unknown> = { ...tokens.claims() };
  if (claims[oidc.roleClaim] === undefined || claims[oidc.usernameClaim] === undefined) {
    // Many providers put groups and names in the userinfo answer only.
    claims = { ...(await client.fetchUserInfo(config, tokens.access_token, String(claims.sub))), ...claims };
  }
  // Scoped: "alice" at the provider must never be mistaken for the password user "alice" (whose
  // sessions, audit lines and role are her own); password user names may not start with "oidc:".
  const username = `${OIDC_USER_PREFIX}${String(claims[oidc.usernameClaim] ?? claims.email ?? claims.sub)}`;
  const role = roleFromClaims(oidc, claims);
  log('info', 'signed in with single sign-on', { user: username, role });
  return { session: { username, role, via: 'oidc' }, next: flow.next };
}
