import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  ConfigListSchema,
  PurgeResultSchema,
  TopicDetailSchema,
  TopicListSchema,
  type AddPartitions,
  type AlterConfigs,
  type CreateTopic,
  type Purge,
  type TopicListQuery,
} from '@/lib/schemas/topic';

const OkSchema = z.object({ ok: z.literal(true) });

export const topicsApi = {
  list: (clusterId: string, query: TopicListQuery, signal?: AbortSignal) =>
    apiRequest(TopicListSchema, apiPaths.topics(clusterId, query), { signal }),
  get: (clusterId: string, topic: string, signal?: AbortSignal) =>
    apiRequest(TopicDetailSchema, apiPaths.topic(clusterId, topic), { signal }),
  configs: (clusterId: string, topic: string, signal?: AbortSignal) =>
    apiRequest(ConfigListSchema, apiPaths.topicConfigs(clusterId, topic), { signal }),
  create: (clusterId: string, body: CreateTopic) =>
    apiRequest(TopicDetailSchema, apiPaths.topics(clusterId), { method: 'POST', body }),
  remove: (clusterId: string, topic: string) =>
    apiRequest(OkSchema, apiPaths.topic(clusterId, topic), { method: 'DELETE' }),
  alterConfigs: (clusterId: string, topic: string, body: AlterConfigs) =>
    apiRequest(ConfigListSchema, apiPaths.topicConfigs(clusterId, topic), { method: 'PATCH', body }),
  addPartitions: (clusterId: string, topic: string, body: AddPartitions) =>
    apiRequest(TopicDetailSchema, apiPaths.topicPartitions(clusterId, topic), { method: 'POST', body }),
  purge: (clusterId: string, topic: string, body: Purge) =>
    apiRequest(PurgeResultSchema, apiPaths.topicPurge(clusterId, topic), { method: 'POST', body }),
};
