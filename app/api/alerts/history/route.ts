// GET /api/alerts/history?limit=&ruleId= — fired and resolved events, newest first, with their deliveries
import { HistoryQuerySchema } from '@/lib/schemas/alerts';
import { handler } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { alertHistory, alertStore } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler<'/api/alerts/history'>(async ({ query }) =>
  alertHistory(await alertStore(), parseQuery(query, HistoryQuerySchema)),
);
