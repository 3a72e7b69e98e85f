// POST /api/clusters/:clusterId/topics/:topic/partitions — grow the topic to { count } partitions
import { mutation } from '@/server/auth/mutation';
import { AddPartitionsSchema } from '@/lib/schemas/topic';
import { parseBody } from '@/server/http/parse';
import { addPartitions } from '@/server/services/topic-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation('topic.partitions.add', async ({ cluster, params, request }) =>
  addPartitions(cluster, params.topic!, (await parseBody(request, AddPartitionsSchema)).count),
);
