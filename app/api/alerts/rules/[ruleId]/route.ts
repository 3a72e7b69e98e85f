// PUT /api/alerts/rules/:ruleId — change a rule made in the UI (admins)
// DELETE /api/alerts/rules/:ruleId — delete it, with its states and silences (admins)
import { RuleInputSchema } from '@/lib/schemas/alerts';
import { mutation } from '@/server/http/mutation';
import { editRule, removeRule } from '@/server/services/alerts/definitions';
import { alertStore } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PUT = mutation<'/api/alerts/rules/[ruleId]'>(
  'alert.rule.update',
  async ({ params, body, session }) => {
    await editRule(await alertStore(), params.ruleId, await body(RuleInputSchema), session.username);
    return { id: params.ruleId };
  },
);

export const DELETE = mutation<'/api/alerts/rules/[ruleId]'>('alert.rule.delete', async ({ params }) => {
  await removeRule(await alertStore(), params.ruleId);
  return { id: params.ruleId };
});
