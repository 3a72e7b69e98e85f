import { queryOptions } from '@tanstack/react-query';
import { schemaRegistryApi } from '@/lib/api/schema-registry';
import { keys } from '@/lib/query/query-keys';

/** The registry's subjects, for pickers; read when a form opens, kept for a minute. */
export const subjectsOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.subjects(clusterId),
    queryFn: ({ signal }) => schemaRegistryApi.subjects(clusterId, signal),
    staleTime: 60_000,
  });
