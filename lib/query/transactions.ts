import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { transactionsApi, type HangingSearch } from '@/lib/api/transactions';
import { keys } from '@/lib/query/query-keys';
import type { AbortTransaction, TransactionListQuery } from '@/lib/schemas/transaction';

const all = (clusterId: string) => [...keys.cluster(clusterId), 'transactions'] as const;

export const transactionListOptions = (clusterId: string, query: TransactionListQuery) =>
  queryOptions({
    queryKey: [...all(clusterId), 'list', query] as const,
    queryFn: ({ signal }) => transactionsApi.list(clusterId, query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });

export const transactionOptions = (clusterId: string, transactionalId: string) =>
  queryOptions({
    queryKey: [...all(clusterId), 'detail', transactionalId] as const,
    queryFn: ({ signal }) => transactionsApi.get(clusterId, transactionalId, signal),
    refetchInterval: 10_000,
  });

/** Searched when asked (a broker's search reads every partition it holds), not polled. */
export const hangingOptions = (clusterId: string, search: HangingSearch | null) =>
  queryOptions({
    queryKey: [...all(clusterId), 'hanging', search] as const,
    queryFn: ({ signal }) => transactionsApi.hanging(clusterId, search!, signal),
    enabled: search !== null,
  });

export const topicProducersOptions = (clusterId: string, topic: string) =>
  queryOptions({
    queryKey: [...all(clusterId), 'producers', topic] as const,
    queryFn: ({ signal }) => transactionsApi.producers(clusterId, topic, signal),
    refetchInterval: 10_000,
  });

/** A preview (dryRun) changes nothing; an applied abort refreshes every transaction view of the cluster. */
export function useAbortTransaction(clusterId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AbortTransaction) => transactionsApi.abort(clusterId, body),
    onSuccess: (result) =>
      result.applied ? queryClient.invalidateQueries({ queryKey: all(clusterId) }) : undefined,
  });
}
