// GET /api/alerts/channels — every channel, secrets masked
// POST /api/alerts/channels — create a channel (admins)
import { ChannelInputSchema } from '@/lib/schemas/alerts';
import { handler } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { createChannel } from '@/server/services/alerts/definitions';
import { alertStore, channelList } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = handler<'/api/alerts/channels'>(async () => channelList(await alertStore()));

export const POST = mutation<'/api/alerts/channels'>('alert.channel.create', async ({ body, session }) => {
  const input = await body(ChannelInputSchema);
  await createChannel(await alertStore(), input, session.username);
  return { name: input.name };
});
