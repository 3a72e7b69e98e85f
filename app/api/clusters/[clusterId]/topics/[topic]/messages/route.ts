// GET /api/clusters/:clusterId/topics/:topic/messages — browse (partitions, start, offset/timestamp, limit); never joins a group
// POST /api/clusters/:clusterId/topics/:topic/messages — produce one or N messages
import { mutation } from '@/server/auth/mutation';
import { MessageQuerySchema, ProduceSchema } from '@/lib/schemas/message';
import { withCluster } from '@/server/http/handler';
import { parseBody, parseQuery } from '@/server/http/parse';
import { browseMessages, produce } from '@/server/services/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster(async ({ cluster, params, query }) =>
  browseMessages(cluster, params.topic!, parseQuery(query, MessageQuerySchema)),
);

export const POST = mutation('message.produce', async ({ cluster, params, request }) =>
  produce(cluster, params.topic!, await parseBody(request, ProduceSchema)),
);
