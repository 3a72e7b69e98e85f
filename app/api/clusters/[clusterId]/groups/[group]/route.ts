// GET /api/clusters/:clusterId/groups/:group — members, committed offsets and lag per partition
// DELETE /api/clusters/:clusterId/groups/:group — delete the group (only without active members)
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { deleteGroup } from '@/server/services/group-admin';
import { getGroup } from '@/server/services/groups';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/groups/[group]'>(async ({ cluster, params }) =>
  getGroup(cluster, params.group),
);

export const DELETE = mutation<'/api/clusters/[clusterId]/groups/[group]'>(
  'group.delete',
  async ({ cluster, params }) => deleteGroup(cluster, params.group),
);
