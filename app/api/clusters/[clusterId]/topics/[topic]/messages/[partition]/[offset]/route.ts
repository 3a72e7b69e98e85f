// GET /api/clusters/:clusterId/topics/:topic/messages/:partition/:offset — one whole message
import { MessageFormatsSchema } from '@/lib/schemas/message';
import { withCluster } from '@/server/http/handler';
import { parseIntParam, parseQuery } from '@/server/http/parse';
import { getMessage } from '@/server/services/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/messages/[partition]/[offset]'>(
  async ({ cluster, params, query }) => {
    const formats = parseQuery(query, MessageFormatsSchema);
    return getMessage(
      cluster,
      params.topic,
      parseIntParam(params.partition, 'partition'),
      parseIntParam(params.offset, 'offset'),
      { key: formats.keyFormat ?? 'auto', value: formats.valueFormat ?? 'auto' },
    );
  },
);
