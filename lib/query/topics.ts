import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { topicsApi } from '@/lib/api/topics';
import { keys } from '@/lib/query/query-keys';
import type { AddPartitions, AlterConfigs, CreateTopic, Purge, TopicListQuery } from '@/lib/schemas/topic';

export const topicListOptions = (clusterId: string, query: TopicListQuery) =>
  queryOptions({
    queryKey: keys.topics.list(clusterId, query),
    queryFn: ({ signal }) => topicsApi.list(clusterId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

export const topicOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: keys.topics.detail(clusterId, topic),
    queryFn: ({ signal }) => topicsApi.get(clusterId, topic, signal),
    refetchInterval: 10_000,
  });

export const topicConfigsOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: keys.topics.configs(clusterId, topic),
    queryFn: ({ signal }) => topicsApi.configs(clusterId, topic, signal),
  });

/** Every topic mutation refreshes the cluster's topic views and the overview counts. */
function useInvalidateTopics(clusterId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.topics.all(clusterId) }),
      queryClient.invalidateQueries({ queryKey: keys.overview(clusterId) }),
      queryClient.invalidateQueries({ queryKey: keys.brokers.all(clusterId) }),
    ]);
}

export function useCreateTopic(clusterId: string) {
  const invalidate = useInvalidateTopics(clusterId);
  return useMutation({
    mutationFn: (body: CreateTopic) => topicsApi.create(clusterId, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTopic(clusterId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateTopics(clusterId);
  return useMutation({
    mutationFn: (topic: string) => topicsApi.remove(clusterId, topic),
    // Drop the deleted topic's own queries first: refetching them would only answer 404 on the page being left.
    onSuccess: async (_result, topic) => {
      const detail = keys.topics.detail(clusterId, topic);
      await queryClient.cancelQueries({ queryKey: detail });
      queryClient.removeQueries({ queryKey: detail });
      await invalidate();
    },
  });
}

export function useAlterTopicConfigs(clusterId: string, topic: string) {
  const invalidate = useInvalidateTopics(clusterId);
  return useMutation({
    mutationFn: (body: AlterConfigs) => topicsApi.alterConfigs(clusterId, topic, body),
    onSuccess: invalidate,
  });
}

export function useAddPartitions(clusterId: string, topic: string) {
  const invalidate = useInvalidateTopics(clusterId);
  return useMutation({
    mutationFn: (body: AddPartitions) => topicsApi.addPartitions(clusterId, topic, body),
    onSuccess: invalidate,
  });
}

export function usePurgeTopic(clusterId: string, topic: string) {
  const invalidate = useInvalidateTopics(clusterId);
  return useMutation({
    mutationFn: (body: Purge) => topicsApi.purge(clusterId, topic, body),
    onSuccess: invalidate,
  });
}
