// GET /api/clusters/:clusterId/topics/:topic/subjects — the schema registry subjects the topic's records use
import { withCluster } from '@/server/http/handler';
import { topicSubjects } from '@/server/services/topic-subjects';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/subjects'>(
  async ({ cluster, params }) => topicSubjects(cluster, params.topic),
);
