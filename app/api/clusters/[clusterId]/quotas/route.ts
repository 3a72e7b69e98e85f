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
  async ({ cluster, body, recordChange }) => {
    const input = await body(AlterQuotasSchema);
    const result = await alterQuotas(cluster, input);
    const entity = quotaEntityLabel(input.entity);
    recordChange({
      before: { entity, quotas: result.before },
      after: { entity, quotas: result.after, ...(input.dryRun && { dryRun: true }) },
    });
    return result;
  },
);
