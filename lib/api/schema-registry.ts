import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  CompatibilityResultSchema,
  CompatibilitySchema,
  DeleteResultSchema,
  GlobalCompatibilitySchema,
  RegisterResultSchema,
  SchemaVersionSchema,
  SubjectDetailSchema,
  SubjectListSchema,
  SubjectPageSchema,
  TopicSubjectsSchema,
  type CompatibilityLevel,
  type SchemaDraft,
  type SubjectListQuery,
} from '@/lib/schemas/schema-registry';

export const schemaRegistryApi = {
  subjects: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(SubjectListSchema, apiPaths.subjects(clusterId), { signal }),
  topicSubjects: (clusterId: string, topic: string, signal?: AbortSignal) =>
    apiRequest(TopicSubjectsSchema, apiPaths.topicSubjects(clusterId, topic), { signal }),
  subjectPage: (clusterId: string, query: SubjectListQuery, signal?: AbortSignal) =>
    apiRequest(SubjectPageSchema, apiPaths.subjectList(clusterId, query), { signal }),
  subject: (clusterId: string, subject: string, signal?: AbortSignal) =>
    apiRequest(SubjectDetailSchema, apiPaths.subject(clusterId, subject), { signal }),
  version: (clusterId: string, subject: string, version: number | 'latest', signal?: AbortSignal) =>
    apiRequest(SchemaVersionSchema, apiPaths.subjectVersion(clusterId, subject, version), { signal }),
  setGlobalLevel: (clusterId: string, level: CompatibilityLevel) =>
    apiRequest(GlobalCompatibilitySchema, apiPaths.registryConfig(clusterId), {
      method: 'PUT',
      body: { level },
    }),
  setSubjectLevel: (clusterId: string, subject: string, level: CompatibilityLevel) =>
    apiRequest(CompatibilitySchema, apiPaths.subjectConfig(clusterId, subject), {
      method: 'PUT',
      body: { level },
    }),
  resetSubjectLevel: (clusterId: string, subject: string) =>
    apiRequest(CompatibilitySchema, apiPaths.subjectConfig(clusterId, subject), { method: 'DELETE' }),
  check: (clusterId: string, subject: string, draft: SchemaDraft) =>
    apiRequest(CompatibilityResultSchema, apiPaths.subjectCompatibility(clusterId, subject), {
      method: 'POST',
      body: draft,
    }),
  register: (clusterId: string, subject: string, draft: SchemaDraft) =>
    apiRequest(RegisterResultSchema, apiPaths.subjectVersions(clusterId, subject), {
      method: 'POST',
      body: draft,
    }),
  deleteVersion: (clusterId: string, subject: string, version: number, permanent: boolean) =>
    apiRequest(DeleteResultSchema, apiPaths.subjectVersion(clusterId, subject, version, permanent), {
      method: 'DELETE',
    }),
  deleteSubject: (clusterId: string, subject: string, permanent: boolean) =>
    apiRequest(DeleteResultSchema, apiPaths.subject(clusterId, subject, permanent), { method: 'DELETE' }),
};
