// POST /api/clusters/:clusterId/topics/:topic/partitions — grow the topic to { count } partitions
import { AddPartitionsSchema } from '@/lib/schemas/topic';
import { mutation } from '@/server/http/mutation';
import { addPartitions } from '@/server/services/topic-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/topics/[topic]/partitions'>(
  'topic.partitions.add',
  async ({ cluster, params, body }) =>
    addPartitions(cluster, params.topic, (await body(AddPartitionsSchema)).count),
);
