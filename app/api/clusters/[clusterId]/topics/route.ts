// GET /api/clusters/:clusterId/topics — one page of topics (search, sort, internal filter)
// POST /api/clusters/:clusterId/topics — create a topic
import { CreateTopicSchema, TopicListQuerySchema } from '@/lib/schemas/topic';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { parseQuery } from '@/server/http/parse';
import { createTopic } from '@/server/services/topic-admin';
import { listTopics } from '@/server/services/topics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics'>(async ({ cluster, query }) =>
  listTopics(cluster, parseQuery(query, TopicListQuerySchema)),
);

export const POST = mutation<'/api/clusters/[clusterId]/topics'>('topic.create', async ({ cluster, body }) =>
  createTopic(cluster, await body(CreateTopicSchema)),
);
