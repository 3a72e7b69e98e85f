import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { groupsApi } from '@/lib/api/groups';
import { keys } from '@/lib/query/query-keys';
import type { GroupListQuery, ResetOffsets } from '@/lib/schemas/group';

export const groupListOptions = (clusterId: string, query: GroupListQuery) =>
  queryOptions({
    queryKey: keys.groups.list(clusterId, query),
    queryFn: ({ signal }) => groupsApi.list(clusterId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });

export const groupOptions = (clusterId: string, group: string) =>
  queryOptions({
    queryKey: keys.groups.detail(clusterId, group),
    queryFn: ({ signal }) => groupsApi.get(clusterId, group, signal),
    refetchInterval: 5_000,
  });

function useInvalidateGroups(clusterId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.groups.all(clusterId) });
}

/** Preview (dryRun: true) does not change anything, so it invalidates nothing. */
export function useResetOffsets(clusterId: string, group: string) {
  const invalidate = useInvalidateGroups(clusterId);
  return useMutation({
    mutationFn: (body: ResetOffsets) => groupsApi.resetOffsets(clusterId, group, body),
    onSuccess: (result) => (result.applied ? invalidate() : undefined),
  });
}

export function useDeleteGroup(clusterId: string) {
  const invalidate = useInvalidateGroups(clusterId);
  return useMutation({
    mutationFn: (group: string) => groupsApi.remove(clusterId, group),
    onSuccess: invalidate,
  });
}

export function useDeleteGroupTopicOffsets(clusterId: string, group: string) {
  const invalidate = useInvalidateGroups(clusterId);
  return useMutation({
    mutationFn: (topic: string) => groupsApi.deleteTopicOffsets(clusterId, group, topic),
    onSuccess: invalidate,
  });
}
