import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { clusterAdminApi } from '@/lib/api/cluster-admin';
import type {
  AlterBrokerConfigs,
  AlterQuotas,
  ScramMechanism,
  ScramUpsert,
} from '@/lib/schemas/cluster-admin';

const adminKeys = {
  scramUsers: (clusterId: string) => ['cluster-admin', clusterId, 'scram-users'] as const,
  quotas: (clusterId: string) => ['cluster-admin', clusterId, 'quotas'] as const,
  brokerConfigs: (clusterId: string, scope: string) =>
    ['cluster-admin', clusterId, 'broker-configs', scope] as const,
};

export const scramUsersOptions = (clusterId: string) =>
  queryOptions({
    queryKey: adminKeys.scramUsers(clusterId),
    queryFn: ({ signal }) => clusterAdminApi.scramUsers(clusterId, signal),
    staleTime: 15_000,
  });

export const quotasOptions = (clusterId: string) =>
  queryOptions({
    queryKey: adminKeys.quotas(clusterId),
    queryFn: ({ signal }) => clusterAdminApi.quotas(clusterId, signal),
    staleTime: 15_000,
  });

export const brokerConfigsFullOptions = (clusterId: string, scope: string) =>
  queryOptions({
    queryKey: adminKeys.brokerConfigs(clusterId, scope),
    queryFn: ({ signal }) => clusterAdminApi.brokerConfigs(clusterId, scope, signal),
    staleTime: 30_000,
  });

export function useUpsertScramUser(clusterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScramUpsert) => clusterAdminApi.upsertScramUser(clusterId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.scramUsers(clusterId) }),
  });
}

export function useDeleteScramUser(clusterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ user, mechanisms }: { user: string; mechanisms?: ScramMechanism[] }) =>
      clusterAdminApi.deleteScramUser(clusterId, user, mechanisms),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.scramUsers(clusterId) }),
  });
}

/** A dry run (dryRun: true) changes nothing, so it refreshes nothing. */
export function useAlterQuotas(clusterId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlterQuotas) => clusterAdminApi.alterQuotas(clusterId, body),
    onSuccess: (result) => {
      if (result.applied) return client.invalidateQueries({ queryKey: adminKeys.quotas(clusterId) });
    },
  });
}

export function useAlterBrokerConfigs(clusterId: string, scope: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AlterBrokerConfigs) => clusterAdminApi.alterBrokerConfigs(clusterId, scope, body),
    onSuccess: (result) => {
      if (!result.applied) return;
      // Defaults show on every broker's page too.
      return client.invalidateQueries({ queryKey: ['cluster-admin', clusterId, 'broker-configs'] });
    },
  });
}
