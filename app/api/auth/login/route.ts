// POST /api/auth/login — check { username, password } and set the session cookie
import { passwordSignIn } from '@/server/auth/login';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handler(({ request }) => passwordSignIn(request));
