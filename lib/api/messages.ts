import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  MessageListSchema,
  MessageSchema,
  ProduceResultSchema,
  type MessageQuery,
  type Produce,
} from '@/lib/schemas/message';

export const messagesApi = {
  list: (clusterId: string, topic: string, query: MessageQuery, signal?: AbortSignal) =>
    apiRequest(MessageListSchema, apiPaths.messages(clusterId, topic, query), { signal }),
  get: (clusterId: string, topic: string, partition: number, offset: number, signal?: AbortSignal) =>
    apiRequest(MessageSchema, apiPaths.message(clusterId, topic, partition, offset), { signal }),
  produce: (clusterId: string, topic: string, body: Produce) =>
    apiRequest(ProduceResultSchema, apiPaths.messages(clusterId, topic), { method: 'POST', body }),
};
