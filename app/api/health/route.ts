// GET /api/health — liveness: the console answers (no Kafka call)
import { handler } from '@/server/http/handler';
import { liveness } from '@/server/services/clusters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async () => liveness());
