// POST /api/alerts/rules — create a rule (admins)
import { RuleInputSchema } from '@/lib/schemas/alerts';
import { mutation } from '@/server/http/mutation';
import { createRule } from '@/server/services/alerts/definitions';
import { alertStore } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/alerts/rules'>('alert.rule.create', async ({ body, session }) => ({
  id: await createRule(await alertStore(), await body(RuleInputSchema), session.username),
}));
