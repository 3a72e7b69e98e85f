// GET /api/clusters/:clusterId/topics/:topic/producers — the active producers of each partition (DescribeProducers)
import { withCluster } from '@/server/http/handler';
import { topicProducers } from '@/server/services/transactions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/producers'>(
  async ({ cluster, params }) => topicProducers(cluster, params.topic),
);
