import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { aclsApi } from '@/lib/api/acls';
import { keys } from '@/lib/query/query-keys';
import type { AclBatch, AclFilter } from '@/lib/schemas/acl';

export const aclListOptions = (clusterId: string, filter: AclFilter) =>
  queryOptions({
    queryKey: keys.acls.list(clusterId, filter),
    queryFn: ({ signal }) => aclsApi.list(clusterId, filter, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

function useInvalidateAcls(clusterId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.acls.all(clusterId) });
}

/** Each binding is answered on its own: some may be refused while the others are applied. */
export function useCreateAcls(clusterId: string) {
  const invalidate = useInvalidateAcls(clusterId);
  return useMutation({
    mutationFn: (body: AclBatch) => aclsApi.create(clusterId, body),
    onSettled: invalidate,
  });
}

export function useDeleteAcls(clusterId: string) {
  const invalidate = useInvalidateAcls(clusterId);
  return useMutation({
    mutationFn: (body: AclBatch) => aclsApi.remove(clusterId, body),
    onSettled: invalidate,
  });
}
