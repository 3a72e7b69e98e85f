import { queryOptions, useQuery } from '@tanstack/react-query';
import { authApi } from '@/lib/api/auth';
import { clustersOptions } from '@/lib/query/clusters';
import { keys } from '@/lib/query/query-keys';
import { actionRoles, type Action } from '@/lib/schemas/auth';

export const meOptions = () =>
  queryOptions({
    queryKey: keys.me(),
    queryFn: ({ signal }) => authApi.me(signal),
    staleTime: 60_000,
  });

export const authOptionsOptions = () =>
  queryOptions({
    queryKey: keys.authOptions(),
    queryFn: ({ signal }) => authApi.options(signal),
    staleTime: Infinity,
  });

export interface Permission {
  allowed: boolean;
  /** Why not, for the disabled control's tooltip; null when allowed or still loading. */
  reason: string | null;
}

/**
 * Whether the signed-in user may take `action` on the cluster: their role (from /api/auth/me) and the
 * cluster's read-only flag (from /api/clusters). The server enforces both; this only spares a useless click.
 */
export function usePermission(clusterId: string, action: Action): Permission {
  const me = useQuery(meOptions()).data;
  const cluster = useQuery(clustersOptions()).data?.clusters.find((c) => c.id === clusterId);
  if (cluster?.readOnly)
    return { allowed: false, reason: `${cluster.name} is read-only: changes are turned off` };
  if (!me) return { allowed: true, reason: null };
  if (!me.actions.includes(action))
    return { allowed: false, reason: `Needs the ${actionRoles[action]} role (you are ${me.role})` };
  return { allowed: true, reason: null };
}
