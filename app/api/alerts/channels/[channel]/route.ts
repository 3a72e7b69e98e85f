// PUT /api/alerts/channels/:channel — change a channel made in the UI; no secret given keeps the stored one (admins)
// DELETE /api/alerts/channels/:channel — delete it, unless a rule names it (admins)
import { ChannelInputSchema } from '@/lib/schemas/alerts';
import { mutation } from '@/server/http/mutation';
import { editChannel, removeChannel } from '@/server/services/alerts/definitions';
import { alertStore } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const PUT = mutation<'/api/alerts/channels/[channel]'>(
  'alert.channel.update',
  async ({ params, body, session }) => {
    await editChannel(await alertStore(), params.channel, await body(ChannelInputSchema), session.username);
    return { name: params.channel };
  },
);

export const DELETE = mutation<'/api/alerts/channels/[channel]'>(
  'alert.channel.delete',
  async ({ params }) => {
    await removeChannel(await alertStore(), params.channel);
    return { name: params.channel };
  },
);
