import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  GroupDetailSchema,
  GroupListSchema,
  ResetPreviewSchema,
  type GroupListQuery,
  type ResetOffsets,
} from '@/lib/schemas/group';

const OkSchema = z.object({ ok: z.literal(true) });

export const groupsApi = {
  list: (clusterId: string, query: GroupListQuery, signal?: AbortSignal) =>
    apiRequest(GroupListSchema, apiPaths.groups(clusterId, query), { signal }),
  get: (clusterId: string, group: string, signal?: AbortSignal) =>
    apiRequest(GroupDetailSchema, apiPaths.group(clusterId, group), { signal }),
  resetOffsets: (clusterId: string, group: string, body: ResetOffsets) =>
    apiRequest(ResetPreviewSchema, apiPaths.groupReset(clusterId, group), { method: 'POST', body }),
  remove: (clusterId: string, group: string) =>
    apiRequest(OkSchema, apiPaths.group(clusterId, group), { method: 'DELETE' }),
  deleteTopicOffsets: (clusterId: string, group: string, topic: string) =>
    apiRequest(OkSchema, apiPaths.groupTopicOffsets(clusterId, group, topic), { method: 'DELETE' }),
};
