// POST /api/clusters/:clusterId/topics/:topic/purge — delete records up to offsets (all when none given)
import { mutation } from '@/server/auth/mutation';
import { PurgeSchema } from '@/lib/schemas/topic';
import { parseBody } from '@/server/http/parse';
import { purgeTopic } from '@/server/services/topic-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation('topic.purge', async ({ cluster, params, request }) =>
  purgeTopic(cluster, params.topic!, await parseBody(request, PurgeSchema)),
);
