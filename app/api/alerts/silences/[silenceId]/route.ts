// DELETE /api/alerts/silences/:silenceId — end a silence now (operators)
import { mutation } from '@/server/http/mutation';
import { parseIntParam } from '@/server/http/parse';
import { alertStore, deleteSilence } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = mutation<'/api/alerts/silences/[silenceId]'>(
  'alert.silence.delete',
  async ({ params }) => {
    const id = parseIntParam(params.silenceId, 'silenceId', 2 ** 31 - 1);
    await deleteSilence(await alertStore(), id);
    return { id };
  },
);
