// GET /api/clusters/:clusterId/topics — one page of topics (search, sort, internal filter)
// POST /api/clusters/:clusterId/topics — create a topic
import { mutation } from '@/server/auth/mutation';
import { CreateTopicSchema, TopicListQuerySchema } from '@/lib/schemas/topic';
import { withCluster } from '@/server/http/handler';
import { parseBody, parseQuery } from '@/server/http/parse';
import { createTopic } from '@/server/services/topic-admin';
import { listTopics } from '@/server/services/topics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster(async ({ cluster, query }) =>
  listTopics(cluster, parseQuery(query, TopicListQuerySchema)),
);

export const POST = mutation('topic.create', async ({ cluster, request }) =>
  createTopic(cluster, await parseBody(request, CreateTopicSchema)),
);
