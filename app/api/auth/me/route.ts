// GET /api/auth/me — the signed-in user, their role, the auth mode and the actions they may take
import { requireSession } from '@/server/auth/guard';
import { describeSession } from '@/server/auth/login';
import { handler } from '@/server/http/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async ({ session }) => describeSession(requireSession(session)));
