// POST /api/auth/login — check { username, password } and set the session cookie
import { LoginSchema } from '@/lib/schemas/auth';
import { LOGIN_BODY_LIMIT_BYTES, passwordSignIn } from '@/server/auth/login';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handler(({ request, body }) =>
  passwordSignIn(request, () => body(LoginSchema, { limitBytes: LOGIN_BODY_LIMIT_BYTES })),
);
