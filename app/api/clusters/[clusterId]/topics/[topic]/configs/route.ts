// GET /api/clusters/:clusterId/topics/:topic/configs — topic configuration with sources
// PATCH /api/clusters/:clusterId/topics/:topic/configs — set or reset overrides ({ set, reset })
import { mutation } from '@/server/auth/mutation';
import { AlterConfigsSchema } from '@/lib/schemas/topic';
import { withCluster } from '@/server/http/handler';
import { parseBody } from '@/server/http/parse';
import { alterTopicConfigs, getTopicConfigs } from '@/server/services/topic-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster(async ({ cluster, params }) => getTopicConfigs(cluster, params.topic!));

export const PATCH = mutation('topic.configs.alter', async ({ cluster, params, request }) =>
  alterTopicConfigs(cluster, params.topic!, await parseBody(request, AlterConfigsSchema)),
);
