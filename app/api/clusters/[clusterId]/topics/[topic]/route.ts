// GET /api/clusters/:clusterId/topics/:topic — partitions with leaders, ISR, watermarks and sizes
// DELETE /api/clusters/:clusterId/topics/:topic — delete the topic
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { deleteTopic } from '@/server/services/topic-admin';
import { getTopic } from '@/server/services/topics';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]'>(async ({ cluster, params }) =>
  getTopic(cluster, params.topic),
);

export const DELETE = mutation<'/api/clusters/[clusterId]/topics/[topic]'>(
  'topic.delete',
  async ({ cluster, params }) => deleteTopic(cluster, params.topic),
);
