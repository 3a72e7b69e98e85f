import 'server-only';
import type {
  Compatibility,
  CompatibilityLevel,
  CompatibilityResult,
  DeleteResult,
  RegisterResult,
  SchemaDraftSchema,
} from '@/lib/schemas/schema-registry';
import type { z } from 'zod';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { schemaRegistry } from '@/server/schema-registry';
import {
  checkDraft,
  deleteSubject as deleteSubjectCall,
  deleteVersion as deleteVersionCall,
  globalLevel,
  isNotFound,
  lookUp,
  register,
  resetSubjectLevel,
  setGlobalLevel,
  setSubjectLevel,
  subjectLevel,
  type Draft,
} from '@/server/schema-registry/admin';
import { invalidate } from '@/server/services/cache';
import {
  registryAppError,
  registryOf,
  subjectVersions,
  summaryPrefix,
} from '@/server/services/schema-registry';

/** The changes of the schema browser; each route calls one of these through mutation(). */

type DraftInput = z.output<typeof SchemaDraftSchema>;

/** Decoding caches drop what they read of a subject that changed (see SchemaRegistry.forget). */
/** After a change: the registry client's caches of the subject, and the subject list's shared rows. */
const forget = (cluster: ClusterConfig, subject: string | null) => {
  if (subject !== null) schemaRegistry(cluster)?.forget(subject);
  invalidate(summaryPrefix(cluster));
};

/** Avro and JSON Schema are JSON: say where it breaks before the registry gives a vaguer answer. */
function checkJson(draft: DraftInput): Draft {
  if (draft.schemaType !== 'PROTOBUF') {
    try {
      JSON.parse(draft.schema);
    } catch (error) {
      throw new AppError('validation_failed', `The schema is not valid JSON: ${(error as Error).message}`);
    }
  }
  return draft;
}

export async function setGlobalCompatibility(
  cluster: ClusterConfig,
  level: CompatibilityLevel,
): Promise<{ level: CompatibilityLevel }> {
  const config = registryOf(cluster);
  try {
    return { level: await setGlobalLevel(config, level).catch(registryAppError) };
  } finally {
    forget(cluster, null);
  }
}

export async function setSubjectCompatibility(
  cluster: ClusterConfig,
  subject: string,
  level: CompatibilityLevel,
): Promise<Compatibility> {
  const config = registryOf(cluster);
  try {
    await subjectVersions(config, subject); // no level for a subject that does not exist
    await setSubjectLevel(config, subject, level);
    forget(cluster, subject);
    return await subjectLevel(config, subject, () => globalLevel(config));
  } catch (error) {
    return registryAppError(error);
  }
}

/** The subject's own level removed: it inherits the global one again. */
export async function resetSubjectCompatibility(
  cluster: ClusterConfig,
  subject: string,
): Promise<Compatibility> {
  const config = registryOf(cluster);
  try {
    await subjectVersions(config, subject);
    await resetSubjectLevel(config, subject);
    forget(cluster, subject);
    return await subjectLevel(config, subject, () => globalLevel(config));
  } catch (error) {
    return registryAppError(error);
  }
}

/** Would the registry take this draft as the subject's next version? A subject without versions takes anything. */
export async function checkCompatibility(
  cluster: ClusterConfig,
  subject: string,
  input: DraftInput,
): Promise<CompatibilityResult> {
  const config = registryOf(cluster);
  const draft = checkJson(input);
  try {
    const global = await globalLevel(config);
    const [{ latestVersion }, { level }] = await Promise.all([
      subjectVersions(config, subject).catch((error: unknown) => {
        if (isNotFound(error)) return { latestVersion: null };
        throw error;
      }),
      subjectLevel(config, subject, global),
    ]);
    if (latestVersion === null) return { compatible: true, messages: [], against: null, level };
    const verdict = await checkDraft(config, subject, draft);
    return { ...verdict, against: latestVersion, level };
  } catch (error) {
    return registryAppError(error);
  }
}

/**
 * Registers the draft as the subject's next version, or the subject's first for a new subject. The
 * registry checks it against the level in force and answers 409 when it is incompatible; a schema the
 * subject holds already is not registered again (`existing`).
 */
export async function registerSchema(
  cluster: ClusterConfig,
  subject: string,
  input: DraftInput,
): Promise<RegisterResult> {
  const config = registryOf(cluster);
  const draft = checkJson(input);
  try {
    const known = await lookUp(config, subject, draft);
    if (known) return { subject, ...known, existing: true };
    const id = await register(config, subject, draft);
    forget(cluster, subject);
    const found = await lookUp(config, subject, draft);
    if (!found)
      throw new AppError(
        'broker_unavailable',
        `The registry took schema ${id} but does not show it under ${subject}`,
      );
    return { subject, ...found, existing: false };
  } catch (error) {
    return registryAppError(error);
  }
}

const softFirst = (what: string) =>
  new AppError(
    'conflict',
    `${what} is not soft-deleted: delete it first, then delete it permanently (the registry allows a permanent delete only after a soft delete)`,
  );

/** Soft-deletes a version, or with `permanent` removes a soft-deleted one for good. */
export async function deleteSchemaVersion(
  cluster: ClusterConfig,
  subject: string,
  version: number,
  permanent: boolean,
): Promise<DeleteResult> {
  const config = registryOf(cluster);
  try {
    const { versions } = await subjectVersions(config, subject);
    const known = versions.find((v) => v.version === version);
    if (!known) throw new AppError('not_found', `Subject "${subject}" has no version ${version}`);
    if (permanent && !known.deleted) throw softFirst(`Version ${version} of "${subject}"`);
    if (!permanent && known.deleted)
      throw new AppError('conflict', `Version ${version} of "${subject}" is soft-deleted already`);
    const deleted = await deleteVersionCall(config, subject, version, permanent);
    forget(cluster, subject);
    return { subject, versions: [deleted], permanent };
  } catch (error) {
    return registryAppError(error);
  }
}

/** Soft-deletes every version of a subject, or with `permanent` removes a soft-deleted subject for good. */
export async function deleteSubject(
  cluster: ClusterConfig,
  subject: string,
  permanent: boolean,
): Promise<DeleteResult> {
  const config = registryOf(cluster);
  try {
    const { latestVersion } = await subjectVersions(config, subject);
    if (permanent && latestVersion !== null) throw softFirst(`Subject "${subject}"`);
    if (!permanent && latestVersion === null)
      throw new AppError('conflict', `Subject "${subject}" is soft-deleted already`);
    const versions = await deleteSubjectCall(config, subject, permanent);
    forget(cluster, subject);
    return { subject, versions: [...versions].sort((a, b) => a - b), permanent };
  } catch (error) {
    return registryAppError(error);
  }
}
