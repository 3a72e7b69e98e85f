import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import { AclBatchResultSchema, AclListSchema, type AclBatch, type AclFilter } from '@/lib/schemas/acl';

export const aclsApi = {
  list: (clusterId: string, filter: AclFilter, signal?: AbortSignal) =>
    apiRequest(AclListSchema, apiPaths.acls(clusterId, filter), { signal }),
  create: (clusterId: string, body: AclBatch) =>
    apiRequest(AclBatchResultSchema, apiPaths.acls(clusterId), { method: 'POST', body }),
  remove: (clusterId: string, body: AclBatch) =>
    apiRequest(AclBatchResultSchema, apiPaths.aclsDelete(clusterId), { method: 'POST', body }),
};
