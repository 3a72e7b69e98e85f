// GET /api/auth/options — how one may sign in here (for the login page; public, names no user)
import { getAuthConfig } from '@/server/auth/config';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async () => {
  const config = getAuthConfig();
  return { authMode: config.mode, passwordLogin: config.users.size > 0, oidcName: config.oidc?.name ?? null };
});
