// GET /api/clusters/:clusterId/topics/:topic/search — scan a range with a text and/or CEL filter, as Server-Sent Events
import { SearchQuerySchema } from '@/lib/schemas/search';
import { withCluster } from '@/server/http/handler';
import { parseQuery } from '@/server/http/parse';
import { limitedSseResponse } from '@/server/http/sse';
import { searchStream } from '@/server/services/scan';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/search'>(
  async ({ cluster, params, query, request, session }) =>
    limitedSseResponse(request, session, () =>
      searchStream(cluster, params.topic, parseQuery(query, SearchQuerySchema)),
    ),
);
