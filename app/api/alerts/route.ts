// GET /api/alerts — every rule with its state, the alerts pending or firing, the silences in force
import { handler } from '@/server/http/handler';
import { alertsOverview, alertStore } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler<'/api/alerts'>(async () => alertsOverview(await alertStore()));
