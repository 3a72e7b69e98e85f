import 'server-only';
import type { ErrorCode } from '@/lib/schemas/api-error';
import { layoutJson } from '@/lib/format/json-text';
import {
  SubjectNameSchema,
  VersionNumberSchema,
  type Compatibility,
  type SchemaVersion,
  type SubjectDetail,
  type SubjectList,
  type SubjectListQuery,
  type SubjectPage,
  type SubjectSummary,
} from '@/lib/schemas/schema-registry';
import type { ClusterConfig } from '@/server/config/schema';
import type { SchemaRegistryConfig } from '@/server/config/schema-registry';
import { AppError } from '@/server/http/app-error';
import { cached } from '@/server/services/cache';
import { RegistryError, schemaRegistry } from '@/server/schema-registry';
import {
  globalLevel,
  isNotFound,
  readVersion,
  referencedBy,
  subjectLevel,
  subjectNames,
  usesOfId,
  versionNumbers,
  type Level,
} from '@/server/schema-registry/admin';

/**
 * Confluent's codes that come with a 404 but mean "not in that state": the subject or version is
 * soft-deleted already (40404, 40406), or must be soft-deleted first (40405, 40407).
 */
const STATE_CODES = new Set([40404, 40405, 40406, 40407]);

function codeOf(error: RegistryError): ErrorCode {
  switch (error.kind) {
    case 'timeout':
      return 'timeout';
    case 'unauthorized':
      return 'authentication_failed';
    case 'not_found':
      return error.registryCode !== null && STATE_CODES.has(error.registryCode) ? 'conflict' : 'not_found';
    case 'refused':
      // 409: incompatible, or (Apicurio) not soft-deleted yet; 42206: other schemas refer to it.
      return error.status === 409 || error.registryCode === 42206 ? 'conflict' : 'validation_failed';
    default:
      return 'broker_unavailable';
  }
}

/**
 * A registry failure as the API's error: down 503, timed out 504, refused credentials 502, unknown
 * subject or version 404, a state the registry refuses (incompatible, referenced, not soft-deleted yet)
 * 409, a schema or level it refuses 400.
 */
export function registryAppError(error: unknown): never {
  if (error instanceof RegistryError) {
    const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    throw new AppError(codeOf(error), message, error);
  }
  throw error;
}

/** A `[subject]` path segment, or a 400. */
export function subjectParam(raw: string): string {
  const parsed = SubjectNameSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('validation_failed', `Invalid subject name: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** A `[version]` path segment: a version number, or a 400. */
export function versionParam(raw: string): number {
  const parsed = /^\d+$/.test(raw) ? VersionNumberSchema.safeParse(raw) : null;
  if (!parsed?.success)
    throw new AppError(
      'validation_failed',
      `Invalid version "${raw.slice(0, 20)}": versions are numbers from 1`,
    );
  return parsed.data;
}

/** A `[version]` segment where reading: a number or `latest`. */
export const versionOrLatest = (raw: string): number | 'latest' =>
  raw === 'latest' ? raw : versionParam(raw);

/** The cluster's registry settings, or the 404 that says none is configured. */
export function registryOf(cluster: ClusterConfig): SchemaRegistryConfig {
  if (!cluster.schemaRegistry)
    throw new AppError('not_found', `No schema registry is configured for cluster "${cluster.name}"`);
  return cluster.schemaRegistry;
}

export async function listSubjects(cluster: ClusterConfig): Promise<SubjectList> {
  const registry = schemaRegistry(cluster);
  if (!registry) return { registry: false, subjects: [] };
  const subjects = await registry.subjects().catch(registryAppError);
  return { registry: true, subjects: [...subjects].sort() };
}

const failedAs = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One page of subjects, filtered by name on the server, each with its latest version's type and id and
 * its compatibility level. The details are read for the page's subjects only, at most a few calls at
 * once (admin.ts); a row whose details fail says why, and once the registry stops answering the rest of
 * the page is not asked for.
 */
/** A subject's row (latest version, compatibility), shared for this long by every page that shows it. */
const SUMMARY_TTL_MS = 15_000;
const ROWS_AT_ONCE = 4;
export const summaryPrefix = (cluster: ClusterConfig) => `schema-summary:${cluster.id}:`;

export async function listSubjectPage(cluster: ClusterConfig, query: SubjectListQuery): Promise<SubjectPage> {
  const config = registryOf(cluster);
  const [live, all, global] = await Promise.all([
    subjectNames(config),
    query.deleted === 'show' ? subjectNames(config, true) : Promise.resolve(null),
    globalLevel(config),
  ]).catch(registryAppError);
  const liveSet = new Set(live);
  const needle = query.q.toLowerCase();
  const matching = [...new Set([...live, ...(all ?? [])])]
    .filter((s) => !needle || s.toLowerCase().includes(needle))
    .sort();
  const start = (query.page - 1) * query.pageSize;
  const page = matching.slice(start, start + query.pageSize);
  let gone: RegistryError | null = null;
  const summarize = async (subject: string): Promise<SubjectSummary> => {
    const row: SubjectSummary = {
      subject,
      deleted: !liveSet.has(subject),
      schemaType: null,
      latestVersion: null,
      id: null,
      compatibility: null,
      error: null,
    };
    if (row.deleted) return row;
    if (gone) return { ...row, error: gone.message };
    try {
      // Shared by every viewer for a few seconds: a page polled by many costs the registry once.
      const { latest, compatibility } = await cached(
        `${summaryPrefix(cluster)}${subject}`,
        SUMMARY_TTL_MS,
        async () => {
          const [latest, compatibility] = await Promise.all([
            readVersion(config, subject, 'latest'),
            subjectLevel(config, subject, global),
          ]);
          return { latest, compatibility };
        },
      );
      return {
        ...row,
        schemaType: latest.schemaType,
        latestVersion: latest.version,
        id: latest.id,
        compatibility,
      };
    } catch (error) {
      if (error instanceof RegistryError && (error.kind === 'down' || error.kind === 'timeout')) gone = error;
      return { ...row, error: failedAs(error) };
    }
  };
  // A few rows at a time, each checking first whether the registry stopped answering.
  const items: SubjectSummary[] = new Array(page.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(ROWS_AT_ONCE, page.length) }, async () => {
      while (next < page.length) {
        const i = next++;
        items[i] = await summarize(page[i]!);
      }
    }),
  );
  return { items, total: matching.length, page: query.page, pageSize: query.pageSize, global };
}

/** Every version of a subject, soft-deleted ones marked; a subject with none at all is a 404. */
export async function subjectVersions(
  config: SchemaRegistryConfig,
  subject: string,
): Promise<{ versions: SubjectDetail['versions']; latestVersion: number | null }> {
  const [live, all] = await Promise.all([
    versionNumbers(config, subject).catch((error: unknown) => {
      // Every version soft-deleted: the registry no longer lists the subject without `deleted`.
      if (isNotFound(error)) return [];
      throw error;
    }),
    versionNumbers(config, subject, true),
  ]);
  const liveSet = new Set(live);
  const versions = [...new Set([...all, ...live])]
    .sort((a, b) => a - b)
    .map((version) => ({ version, deleted: !liveSet.has(version) }));
  return { versions, latestVersion: live.at(-1) ?? null };
}

export async function getSubject(cluster: ClusterConfig, subject: string): Promise<SubjectDetail> {
  const config = registryOf(cluster);
  try {
    const global = await globalLevel(config);
    const [{ versions, latestVersion }, compatibility] = await Promise.all([
      subjectVersions(config, subject),
      subjectLevel(config, subject, global),
    ]);
    return { subject, versions, latestVersion, deleted: latestVersion === null, compatibility, global };
  } catch (error) {
    return registryAppError(error);
  }
}

/** Avro and JSON Schema laid out for reading (the digits of numbers as written); Protobuf as it is. */
export function formatSchema(schemaType: string, text: string): string {
  if (schemaType === 'PROTOBUF') return text;
  try {
    JSON.parse(text);
  } catch {
    return text;
  }
  return layoutJson(text, 2);
}

/** The most referring schemas whose subject and version are looked up; the rest are listed by id. */
const MAX_REFERRERS = 100;

/**
 * One version with its references and the schemas that refer to it. A version missing from the live
 * ones is read as a soft-deleted one (which Confluent shows and Apicurio does not).
 */
export async function getSchemaVersion(
  cluster: ClusterConfig,
  subject: string,
  version: number | 'latest',
): Promise<SchemaVersion> {
  const config = registryOf(cluster);
  try {
    let deleted = false;
    const found = await readVersion(config, subject, version).catch((error: unknown) => {
      if (version === 'latest' || !isNotFound(error)) throw error;
      deleted = true;
      return readVersion(config, subject, version, true);
    });
    const ids = await referencedBy(config, subject, found.version).catch((error: unknown) => {
      // Registries before Confluent 5.5 have no references at all.
      if (isNotFound(error)) return [];
      throw error;
    });
    const referrers = await Promise.all(
      ids.map(async (id, i) => {
        const uses = i < MAX_REFERRERS ? await usesOfId(config, id).catch(() => []) : [];
        return uses.length > 0 ? uses.map((use) => ({ id, ...use })) : [{ id, subject: null, version: null }];
      }),
    );
    return {
      ...found,
      formatted: formatSchema(found.schemaType, found.schema),
      deleted,
      referencedBy: referrers.flat(),
    };
  } catch (error) {
    return registryAppError(error);
  }
}

export async function getGlobalCompatibility(cluster: ClusterConfig): Promise<{ level: Level }> {
  return { level: await globalLevel(registryOf(cluster)).catch(registryAppError) };
}

export async function getSubjectCompatibility(
  cluster: ClusterConfig,
  subject: string,
): Promise<Compatibility> {
  const config = registryOf(cluster);
  try {
    await subjectVersions(config, subject); // a 404 for a subject that does not exist
    return await subjectLevel(config, subject, () => globalLevel(config));
  } catch (error) {
    return registryAppError(error);
  }
}
