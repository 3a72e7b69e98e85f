import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  BrokerConfigChangeResultSchema,
  BrokerConfigListSchema,
  QuotaChangeResultSchema,
  QuotaListSchema,
  ScramMechanismSchema,
  ScramUserListSchema,
  type AlterBrokerConfigs,
  type AlterQuotas,
  type ScramMechanism,
  type ScramUpsert,
} from '@/lib/schemas/cluster-admin';

const Credentials = z.array(z.object({ mechanism: ScramMechanismSchema, iterations: z.number() }));
const ScramResultSchema = z.object({ user: z.string(), before: Credentials, after: Credentials });

export const clusterAdminApi = {
  scramUsers: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(ScramUserListSchema, apiPaths.scramUsers(clusterId), { signal }),
  upsertScramUser: (clusterId: string, body: ScramUpsert) =>
    apiRequest(ScramResultSchema, apiPaths.scramUsers(clusterId), { method: 'POST', body }),
  deleteScramUser: (clusterId: string, user: string, mechanisms?: ScramMechanism[]) =>
    apiRequest(
      ScramResultSchema,
      apiPaths.scramUser(clusterId, user) + (mechanisms ? `?mechanisms=${mechanisms.join(',')}` : ''),
      { method: 'DELETE' },
    ),
  quotas: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(QuotaListSchema, apiPaths.quotas(clusterId), { signal }),
  alterQuotas: (clusterId: string, body: AlterQuotas) =>
    apiRequest(QuotaChangeResultSchema, apiPaths.quotas(clusterId), { method: 'PATCH', body }),
  brokerConfigs: (clusterId: string, scope: string, signal?: AbortSignal) =>
    apiRequest(BrokerConfigListSchema, apiPaths.brokerConfigsFull(clusterId, scope), { signal }),
  alterBrokerConfigs: (clusterId: string, scope: string, body: AlterBrokerConfigs) =>
    apiRequest(BrokerConfigChangeResultSchema, apiPaths.brokerConfigsFull(clusterId, scope), {
      method: 'PATCH',
      body,
    }),
};
