// POST /api/alerts/channels/:channel/test — send a test notification now: success or the error, no secret in it (admins)
import { mutation } from '@/server/http/mutation';
import { alertStore, sendTest } from '@/server/services/alerts/views';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/alerts/channels/[channel]/test'>(
  'alert.channel.test',
  async ({ params, session }) => sendTest(await alertStore(), params.channel, session.username),
);
