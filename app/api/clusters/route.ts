// GET /api/clusters — the configured clusters (no credentials)
import { handler } from '@/server/http/handler';
import { listClusters } from '@/server/services/clusters';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler(async () => listClusters());
