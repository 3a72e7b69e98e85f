// GET /api/clusters/:clusterId/topics/:topic/messages/:partition/:offset — one whole message
import { withCluster } from '@/server/http/handler';
import { parseIntParam } from '@/server/http/parse';
import { getMessage } from '@/server/services/messages';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/messages/[partition]/[offset]'>(
  async ({ cluster, params }) =>
    getMessage(
      cluster,
      params.topic,
      parseIntParam(params.partition, 'partition'),
      parseIntParam(params.offset, 'offset'),
    ),
);
