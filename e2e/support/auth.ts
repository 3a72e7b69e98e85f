import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

/**
 * Test-only accounts: the hashes below are of these passwords (made with `npm run hash-password`) and
 * exist nowhere but in this suite's server environment.
 */
export const testUsers = {
  admin: {
    password: 'e2e-admin-password',
    hash: '$scrypt$ln=15,r=8,p=1$7hMzzEKLMfiKczSpDNlPiQ==$SzcGTNBYh4R02/igTmwGNI7awe2z+903lxZd+wZhgX0=',
  },
  operator: {
    password: 'e2e-operator-password',
    hash: '$scrypt$ln=15,r=8,p=1$CUPgUwFO1QmEizIKv88ikQ==$6NEKJf2x9WSuzicadjkV8GtUJwH2hjd1JmNFab6RxXM=',
  },
  viewer: {
    password: 'e2e-viewer-password',
    hash: '$scrypt$ln=15,r=8,p=1$+AZf7fgiR34UWPM2h2UcWA==$1PakFcTkhDoJ3PT6eKPC6mwj9T138ok+DDKzstZxC24=',
  },
} as const;
export type TestRole = keyof typeof testUsers;

/** Where global setup keeps the admin's signed-in state, which every project starts from. */
export const ADMIN_STATE = 'e2e/.auth/admin.json';

export const OIDC = {
  clientId: 'kafkascope-e2e',
  clientSecret: 'e2e-oidc-client-secret-not-used-anywhere-else',
  port: (appPort: number) => appPort + 1000,
};

/** A request context signed in as `role` (user name = role), with nothing else in it. */
export async function signedIn(baseURL: string, role: TestRole): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const response = await context.post('/api/auth/login', {
    data: { username: role, password: testUsers[role].password },
  });
  if (!response.ok())
    throw new Error(`login as ${role} failed: ${response.status()} ${await response.text()}`);
  return context;
}

/** A request context with no session at all. */
export function anonymous(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}
