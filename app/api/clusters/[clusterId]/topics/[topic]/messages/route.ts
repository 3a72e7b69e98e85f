// GET /api/clusters/:clusterId/topics/:topic/messages — browse (partitions, start, offset/timestamp, limit); never joins a group
// POST /api/clusters/:clusterId/topics/:topic/messages — produce one or N messages
import { MessageQuerySchema, ProduceSchema } from '@/lib/schemas/message';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { parseQuery } from '@/server/http/parse';
import { browseMessages, produce } from '@/server/services/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/messages'>(
  async ({ cluster, params, query }) =>
    browseMessages(cluster, params.topic, parseQuery(query, MessageQuerySchema)),
);

export const POST = mutation<'/api/clusters/[clusterId]/topics/[topic]/messages'>(
  'message.produce',
  async ({ cluster, params, body }) => produce(cluster, params.topic, await body(ProduceSchema)),
);
