// GET /api/clusters/:clusterId/broker-configs/:scope — a broker's (or "default": the cluster-wide
//   defaults') configs with source, type, documentation and synonyms; sensitive values never sent
// PATCH /api/clusters/:clusterId/broker-configs/:scope — set and remove dynamic configs ({ set, reset, dryRun })
import { AlterBrokerConfigsSchema } from '@/lib/schemas/cluster-admin';
import { withCluster } from '@/server/http/handler';
import { mutation } from '@/server/http/mutation';
import { alterBrokerConfigsOf, getBrokerConfigsFull } from '@/server/services/cluster-admin';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withCluster<'/api/clusters/[clusterId]/broker-configs/[scope]'>(
  async ({ cluster, params }) => getBrokerConfigsFull(cluster, params.scope),
);

export const PATCH = mutation<'/api/clusters/[clusterId]/broker-configs/[scope]'>(
  'broker.configs.alter',
  async ({ cluster, params, body, recordChange }) => {
    const input = await body(AlterBrokerConfigsSchema);
    const result = await alterBrokerConfigsOf(cluster, params.scope, input);
    // Sensitive values are "set" or null here, never the value.
    recordChange({
      before: {
        scope: params.scope,
        configs: Object.fromEntries(result.changes.map((c) => [c.name, c.before])),
      },
      after: {
        scope: params.scope,
        configs: Object.fromEntries(result.changes.map((c) => [c.name, c.after])),
        ...(input.dryRun && { dryRun: true }),
      },
    });
    return result;
  },
);
