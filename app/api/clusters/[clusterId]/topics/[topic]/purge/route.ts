// POST /api/clusters/:clusterId/topics/:topic/purge — delete records up to offsets (all when none given)
import { PurgeSchema } from '@/lib/schemas/topic';
import { mutation } from '@/server/http/mutation';
import { purgeTopic } from '@/server/services/topic-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/topics/[topic]/purge'>(
  'topic.purge',
  async ({ cluster, params, body }) => purgeTopic(cluster, params.topic, await body(PurgeSchema)),
);
