// GET /api/health — liveness of the console and, per cluster, whether it answers
import { handler } from '@/server/http/handler';
import { checkHealth } from '@/server/services/clusters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// The console itself is alive whenever this answers (200); readiness of each cluster is in the body.
export const GET = handler(async () => checkHealth());
