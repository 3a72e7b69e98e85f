import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { messagesApi } from '@/lib/api/messages';
import { keys } from '@/lib/query/query-keys';
import type { MessageQuery, Produce } from '@/lib/schemas/message';

/** A page of messages. No polling: a browse is a snapshot the user pages through, refreshed on demand. */
export const messagesOptions = (clusterId: string, topic: string, query: MessageQuery) =>
  queryOptions({
    queryKey: keys.topics.messageList(clusterId, topic, query),
    queryFn: ({ signal }) => messagesApi.list(clusterId, topic, query, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** One whole message (no truncation); a message at an offset never changes, so it is never refetched. */
export const messageOptions = (clusterId: string, topic: string, partition: number, offset: number) =>
  queryOptions({
    queryKey: keys.topics.message(clusterId, topic, partition, offset),
    queryFn: ({ signal }) => messagesApi.get(clusterId, topic, partition, offset, signal),
    staleTime: Infinity,
    retry: (failures, error) => failures < 2 && !('status' in error && error.status === 404),
  });

/** Producing moves the topic's offsets and adds messages: the topic detail (and its message pages) refresh. */
export function useProduce(clusterId: string, topic: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Produce) => messagesApi.produce(clusterId, topic, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.topics.detail(clusterId, topic) }),
  });
}
