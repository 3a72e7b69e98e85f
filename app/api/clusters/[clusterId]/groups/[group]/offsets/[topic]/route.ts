// DELETE /api/clusters/:clusterId/groups/:group/offsets/:topic — delete the group's offsets for one topic
import { mutation } from '@/server/http/mutation';
import { deleteGroupTopicOffsets } from '@/server/services/group-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const DELETE = mutation<'/api/clusters/[clusterId]/groups/[group]/offsets/[topic]'>(
  'group.offsets.delete',
  async ({ cluster, params }) => deleteGroupTopicOffsets(cluster, params.group, params.topic),
);
