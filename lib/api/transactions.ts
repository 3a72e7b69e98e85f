import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  AbortPreviewSchema,
  HangingListSchema,
  PartitionProducersSchema,
  TransactionListSchema,
  TransactionSummarySchema,
  type AbortTransaction,
  type TransactionListQuery,
} from '@/lib/schemas/transaction';

export interface HangingSearch {
  topic?: string;
  brokerId?: number;
  olderThanMs?: number;
}

export const transactionsApi = {
  list: (clusterId: string, query: TransactionListQuery, signal?: AbortSignal) =>
    apiRequest(TransactionListSchema, apiPaths.transactions(clusterId, { ...query }), { signal }),
  get: (clusterId: string, transactionalId: string, signal?: AbortSignal) =>
    apiRequest(TransactionSummarySchema, apiPaths.transaction(clusterId, transactionalId), { signal }),
  hanging: (clusterId: string, search: HangingSearch, signal?: AbortSignal) =>
    apiRequest(HangingListSchema, apiPaths.hangingTransactions(clusterId, { ...search }), { signal }),
  producers: (clusterId: string, topic: string, signal?: AbortSignal) =>
    apiRequest(z.array(PartitionProducersSchema), apiPaths.topicProducers(clusterId, topic), { signal }),
  abort: (clusterId: string, body: AbortTransaction) =>
    apiRequest(AbortPreviewSchema, apiPaths.abortTransaction(clusterId), { method: 'POST', body }),
};
