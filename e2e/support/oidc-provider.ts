import type { Server } from 'node:http';
import { OIDC } from './auth';

/**
 * A real OpenID provider (the `oidc-provider` package, as certified implementations use) for the
 * sign-on tests. Its development login form accepts any user name; the account's groups follow from it:
 * a name containing "admin" is in kafka-admins, "ops" in kafka-operators, anyone else in no group.
 */
export async function startOidcProvider(appBaseURL: string, port: number): Promise<() => Promise<void>> {
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC.clientId,
        client_secret: OIDC.clientSecret,
        redirect_uris: [`${appBaseURL}/api/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'groups'],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['e2e-only-cookie-key'] },
    async findAccount(_ctx, id) {
      const groups = id.includes('admin') ? ['kafka-admins'] : id.includes('ops') ? ['kafka-operators'] : [];
      return { accountId: id, claims: async () => ({ sub: id, preferred_username: id, name: id, groups }) };
    },
  });
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
