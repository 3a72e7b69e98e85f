// DELETE /api/clusters/:clusterId/groups/:group/offsets/:topic — delete the group's offsets for one topic
import { mutation } from '@/server/auth/mutation';
import { deleteGroupTopicOffsets } from '@/server/services/group-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = mutation('group.offsets.delete', async ({ cluster, params }) =>
  deleteGroupTopicOffsets(cluster, params.group!, params.topic!),
);
