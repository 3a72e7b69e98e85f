// POST /api/alerts/silences — silence a rule, or one subject of it, until a time (operators)
import { SilenceInputSchema } from '@/lib/schemas/alerts';
import { mutation } from '@/server/http/mutation';
import { alertStore, createSilence } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/alerts/silences'>('alert.silence.create', async ({ body, session }) =>
  createSilence(await alertStore(), await body(SilenceInputSchema), session.username),
);
