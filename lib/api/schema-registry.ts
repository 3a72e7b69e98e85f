import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import { SubjectListSchema } from '@/lib/schemas/schema-registry';

export const schemaRegistryApi = {
  subjects: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(SubjectListSchema, apiPaths.subjects(clusterId), { signal }),
};
