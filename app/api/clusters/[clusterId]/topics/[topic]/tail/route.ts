// GET /api/clusters/:clusterId/topics/:topic/tail — new messages as they arrive, as Server-Sent Events (bounded)
import { TailQuerySchema } from '@/lib/schemas/search';
import { withCluster } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { limitedSseResponse } from '@/server/http/sse';
import { tailStream } from '@/server/services/scan';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/tail'>(
  async ({ cluster, params, query, request, session }) =>
    limitedSseResponse(request, session, () =>
      tailStream(cluster, params.topic, parseQuery(query, TailQuerySchema)),
    ),
);
