// GET /api/clusters/:clusterId/quotas — client quotas of users, client ids, both, IPs and defaults
// PATCH /api/clusters/:clusterId/quotas — set and remove quotas of one entity ({ entity, set, remove, dryRun })
import { AlterQuotasSchema, quotaEntityLabel } from '@/lib/schemas/cluster-admin';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { alterQuotas, listQuotas } from '@/server/services/cluster-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/quotas'>(async ({ cluster }) =>
  listQuotas(cluster),
);

export const PATCH = mutation<'/api/clusters/[clusterId]/quotas'>(
  'quota.alter',
  async ({ cluster, body, noteChange }) => {
    const input = await body(AlterQuotasSchema);
    noteChange({ target: `quota ${quotaEntityLabel(input.entity)}${input.dryRun ? ' (dry run)' : ''}` });
    const result = await alterQuotas(cluster, input);
    noteChange({ before: result.before, after: result.after });
    return result;
  },
);
