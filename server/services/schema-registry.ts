import 'server-only';
import type { SubjectList } from '@/lib/schemas/schema-registry';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { RegistryError, schemaRegistry } from '@/server/schema-registry';

/** A registry failure as the API's error: down or timed out is 503/504, refused credentials 502. */
export function registryAppError(error: unknown): never {
  if (error instanceof RegistryError) {
    const code =
      error.kind === 'timeout'
        ? 'timeout'
        : error.kind === 'unauthorized'
          ? 'authentication_failed'
          : error.kind === 'not_found'
            ? 'not_found'
            : error.kind === 'refused'
              ? 'validation_failed'
              : 'broker_unavailable';
    throw new AppError(code, error.message);
  }
  throw error;
}

export async function listSubjects(cluster: ClusterConfig): Promise<SubjectList> {
  const registry = schemaRegistry(cluster);
  if (!registry) return { registry: false, subjects: [] };
  const subjects = await registry.subjects().catch(registryAppError);
  return { registry: true, subjects: [...subjects].sort() };
}
