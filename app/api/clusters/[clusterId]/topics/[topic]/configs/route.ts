// GET /api/clusters/:clusterId/topics/:topic/configs — topic configuration with sources
// PATCH /api/clusters/:clusterId/topics/:topic/configs — set or reset overrides ({ set, reset })
import { AlterConfigsSchema } from '@/lib/schemas/topic';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { alterTopicConfigs, getTopicConfigs } from '@/server/services/topic-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/topics/[topic]/configs'>(
  async ({ cluster, params }) => getTopicConfigs(cluster, params.topic),
);

export const PATCH = mutation<'/api/clusters/[clusterId]/topics/[topic]/configs'>(
  'topic.configs.alter',
  async ({ cluster, params, body }) =>
    alterTopicConfigs(cluster, params.topic, await body(AlterConfigsSchema)),
);
