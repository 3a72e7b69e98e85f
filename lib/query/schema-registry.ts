import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { schemaRegistryApi } from '@/lib/api/schema-registry';
import { keys } from '@/lib/query/query-keys';
import type { CompatibilityLevel, SchemaDraft, SubjectListQuery } from '@/lib/schemas/schema-registry';

/** The registry's subjects, for pickers; read when a form opens, kept for a minute. */
export const subjectsOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.subjects(clusterId),
    queryFn: ({ signal }) => schemaRegistryApi.subjects(clusterId, signal),
    staleTime: 60_000,
  });

/** The subjects a topic's records use (its page links them); they change rarely. */
export const topicSubjectsOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: keys.topicSubjects(clusterId, topic),
    queryFn: ({ signal }) => schemaRegistryApi.topicSubjects(clusterId, topic, signal),
    staleTime: 60_000,
    retry: false,
  });

/** A page of subjects with their details: each row costs the registry two calls, so it polls slowly. */
export const subjectPageOptions = (clusterId: string, query: SubjectListQuery) =>
  queryOptions({
    queryKey: keys.schemas.list(clusterId, query),
    queryFn: ({ signal }) => schemaRegistryApi.subjectPage(clusterId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

export const subjectOptions = (clusterId: string, subject: string) =>
  queryOptions({
    queryKey: keys.schemas.subject(clusterId, subject),
    queryFn: ({ signal }) => schemaRegistryApi.subject(clusterId, subject, signal),
    refetchInterval: 30_000,
  });

/** One version: its schema never changes, only what refers to it and whether it is deleted. */
export const schemaVersionOptions = (clusterId: string, subject: string, version: number | 'latest') =>
  queryOptions({
    queryKey: keys.schemas.version(clusterId, subject, version),
    queryFn: ({ signal }) => schemaRegistryApi.version(clusterId, subject, version, signal),
    staleTime: 30_000,
  });

/** Every registry change refreshes the registry's views, the produce dialog's subject picker among them. */
function useInvalidateRegistry(clusterId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.schemas.all(clusterId) });
}

export function useSetGlobalCompatibility(clusterId: string) {
  const invalidate = useInvalidateRegistry(clusterId);
  return useMutation({
    mutationFn: (level: CompatibilityLevel) => schemaRegistryApi.setGlobalLevel(clusterId, level),
    onSuccess: invalidate,
  });
}

/** A subject's own level, or null to go back to the global one. */
export function useSetSubjectCompatibility(clusterId: string, subject: string) {
  const invalidate = useInvalidateRegistry(clusterId);
  return useMutation({
    mutationFn: (level: CompatibilityLevel | null) =>
      level === null
        ? schemaRegistryApi.resetSubjectLevel(clusterId, subject)
        : schemaRegistryApi.setSubjectLevel(clusterId, subject, level),
    onSuccess: invalidate,
  });
}

/** A dry run: nothing changes, nothing to refresh. */
export function useCheckCompatibility(clusterId: string, subject: string) {
  return useMutation({
    mutationFn: (draft: SchemaDraft) => schemaRegistryApi.check(clusterId, subject, draft),
  });
}

export function useRegisterSchema(clusterId: string) {
  const invalidate = useInvalidateRegistry(clusterId);
  return useMutation({
    mutationFn: ({ subject, draft }: { subject: string; draft: SchemaDraft }) =>
      schemaRegistryApi.register(clusterId, subject, draft),
    onSuccess: invalidate,
  });
}

export type DeleteTarget = { subject: string; version: number | null; permanent: boolean };

export function useDeleteSchema(clusterId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRegistry(clusterId);
  return useMutation({
    mutationFn: ({ subject, version, permanent }: DeleteTarget) =>
      version === null
        ? schemaRegistryApi.deleteSubject(clusterId, subject, permanent)
        : schemaRegistryApi.deleteVersion(clusterId, subject, version, permanent),
    // A subject deleted for good leaves nothing to refetch on the page being left.
    onSuccess: async (_result, { subject, version, permanent }) => {
      if (version === null && permanent) {
        const detail = keys.schemas.subject(clusterId, subject);
        await queryClient.cancelQueries({ queryKey: detail });
        queryClient.removeQueries({ queryKey: detail });
      }
      await invalidate();
    },
  });
}
