import 'server-only';
import { compatibilityLevels, type CompatibilityLevel } from '@/lib/schemas/schema-registry';
import type { SchemaRegistryConfig } from '@/server/config/schema-registry';
import { registryCall, RegistryError } from '@/server/schema-registry/http';
import type { SchemaReference, SchemaType } from '@/server/schema-registry/index';

/**
 * The registry calls of the schema browser (subjects, versions, compatibility, registering, deleting),
 * uncached: each answers what the registry holds now. index.ts keeps the cached reads that decoding needs.
 * Names follow the Confluent API, which Apicurio (/apis/ccompat/v7), Karapace and Redpanda speak; where
 * one of them answers otherwise, the function says so.
 */

/** The compatibility levels, as the API's schema lists them. */
const COMPATIBILITY_LEVELS: readonly string[] = compatibilityLevels;
export type Level = CompatibilityLevel;

/** Registry calls at once per registry: queued calls wait here, before their time-out starts. */
const MAX_CALLS = 8;

/**
 * A counting gate per registry. The HTTP agent would queue calls past its sockets too, but each call's
 * time-out runs from its start, so a page of 100 subjects would see the last ones time out while they
 * wait for a socket; here they wait without a clock.
 */
class Gate {
  private running = 0;
  private waiting: Array<() => void> = [];

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= MAX_CALLS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

const gates = new WeakMap<SchemaRegistryConfig, Gate>();

function call<T>(
  config: SchemaRegistryConfig,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let gate = gates.get(config);
  if (!gate) gates.set(config, (gate = new Gate()));
  return gate.run(() => registryCall<T>(config, method, path, body));
}

const seg = encodeURIComponent;
const subjectPath = (subject: string) => `/subjects/${seg(subject)}`;
const flag = (deleted: boolean) => (deleted ? '?deleted=true' : '');

const badAnswer = (what: string) =>
  new RegistryError('bad_answer', `the schema registry answered something other than ${what}`);

function numbers(answer: unknown, what: string): number[] {
  if (!Array.isArray(answer) || !answer.every((n) => Number.isInteger(n))) throw badAnswer(what);
  return answer as number[];
}

function levelOf(answer: unknown): Level {
  // GET answers {compatibilityLevel}, PUT {compatibility}.
  const raw = answer as { compatibilityLevel?: unknown; compatibility?: unknown } | null;
  const level = raw?.compatibilityLevel ?? raw?.compatibility;
  if (!COMPATIBILITY_LEVELS.includes(level as Level)) throw badAnswer('a compatibility level');
  return level as Level;
}

export const isNotFound = (error: unknown): boolean =>
  error instanceof RegistryError && error.kind === 'not_found';

export async function subjectNames(config: SchemaRegistryConfig, deleted = false): Promise<string[]> {
  const list = await call<unknown>(config, 'GET', `/subjects${flag(deleted)}`);
  if (!Array.isArray(list)) throw badAnswer('a list of subjects');
  return list.filter((s): s is string => typeof s === 'string');
}

/** The subject's versions, oldest first; with `deleted`, the soft-deleted ones too. */
export async function versionNumbers(
  config: SchemaRegistryConfig,
  subject: string,
  deleted = false,
): Promise<number[]> {
  const list = numbers(
    await call(config, 'GET', `${subjectPath(subject)}/versions${flag(deleted)}`),
    'versions',
  );
  return [...list].sort((a, b) => a - b);
}

export interface VersionAnswer {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

function toReferences(raw: unknown): SchemaReference[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: { name?: unknown; subject?: unknown; version?: unknown }) =>
    typeof r?.name === 'string' && typeof r.subject === 'string' && Number.isInteger(r.version)
      ? [{ name: r.name, subject: r.subject, version: r.version as number }]
      : [],
  );
}

/** One version; with `deleted`, a soft-deleted one too (Confluent shows it; Apicurio answers 404). */
export async function readVersion(
  config: SchemaRegistryConfig,
  subject: string,
  version: number | 'latest',
  deleted = false,
): Promise<VersionAnswer> {
  const raw = await call<Record<string, unknown>>(
    config,
    'GET',
    `${subjectPath(subject)}/versions/${version}${flag(deleted)}`,
  );
  const type = raw?.schemaType ?? 'AVRO'; // Confluent leaves the type out for Avro
  if (
    typeof raw?.schema !== 'string' ||
    !Number.isInteger(raw.id) ||
    !Number.isInteger(raw.version) ||
    (type !== 'AVRO' && type !== 'PROTOBUF' && type !== 'JSON')
  )
    throw badAnswer(`a schema for ${subject} version ${version}`);
  return {
    subject,
    version: raw.version as number,
    id: raw.id as number,
    schemaType: type,
    schema: raw.schema,
    references: toReferences(raw.references),
  };
}

/** Ids of the schemas that import this version. */
export async function referencedBy(
  config: SchemaRegistryConfig,
  subject: string,
  version: number,
): Promise<number[]> {
  return numbers(
    await call(config, 'GET', `${subjectPath(subject)}/versions/${version}/referencedby`),
    'a list of schema ids',
  );
}

/** Where schema `id` is registered (subject and version), read now. */
export async function usesOfId(
  config: SchemaRegistryConfig,
  id: number,
): Promise<Array<{ subject: string; version: number }>> {
  const list = await call<unknown>(config, 'GET', `/schemas/ids/${id}/versions`);
  if (!Array.isArray(list)) throw badAnswer('a list of subject versions');
  return list.flatMap((v: { subject?: unknown; version?: unknown }) =>
    typeof v?.subject === 'string' && Number.isInteger(v.version)
      ? [{ subject: v.subject, version: v.version as number }]
      : [],
  );
}

export async function globalLevel(config: SchemaRegistryConfig): Promise<Level> {
  return levelOf(await call(config, 'GET', '/config'));
}

export async function setGlobalLevel(config: SchemaRegistryConfig, level: Level): Promise<Level> {
  return levelOf(await call(config, 'PUT', '/config', { compatibility: level }));
}

/**
 * The level in force for a subject and where it comes from. Confluent answers 404 (40408) for a subject
 * without a level of its own; Apicurio answers NONE instead, whatever the global level, so a NONE is
 * checked against the level in force (`defaultToGlobal=true`): a different one means the subject has
 * none of its own. When the global level is NONE as well the two cannot be told apart, and since the
 * level in force is NONE either way the subject is said to inherit it.
 */
export async function subjectLevel(
  config: SchemaRegistryConfig,
  subject: string,
  global: Level | (() => Promise<Level>),
): Promise<{ level: Level; source: 'subject' | 'global' }> {
  const globalNow = () => (typeof global === 'function' ? global() : Promise.resolve(global));
  let own: Level;
  try {
    own = levelOf(await call(config, 'GET', `/config/${seg(subject)}`));
  } catch (error) {
    if (isNotFound(error)) return { level: await globalNow(), source: 'global' };
    throw error;
  }
  if (own !== 'NONE') return { level: own, source: 'subject' };
  if ((await globalNow()) === 'NONE') return { level: 'NONE', source: 'global' };
  const inForce = levelOf(await call(config, 'GET', `/config/${seg(subject)}?defaultToGlobal=true`));
  return inForce === own ? { level: own, source: 'subject' } : { level: inForce, source: 'global' };
}

export async function setSubjectLevel(
  config: SchemaRegistryConfig,
  subject: string,
  level: Level,
): Promise<Level> {
  return levelOf(await call(config, 'PUT', `/config/${seg(subject)}`, { compatibility: level }));
}

/**
 * The subject goes back to the global level. Apicurio 3 keeps a subject's NONE through DELETE (it deletes
 * only a level other than NONE), so a NONE still in force afterwards is replaced by the global level
 * first, then deleted: the subject never has a weaker level than the one it is going back to.
 */
export async function resetSubjectLevel(config: SchemaRegistryConfig, subject: string): Promise<void> {
  const remove = () =>
    call(config, 'DELETE', `/config/${seg(subject)}`).catch((error: unknown) => {
      if (!isNotFound(error)) throw error; // nothing of its own to delete
    });
  await remove();
  const global = await globalLevel(config);
  const after = await subjectLevel(config, subject, global);
  if (after.source === 'subject') {
    await setSubjectLevel(config, subject, global);
    await remove();
  }
}

export interface Draft {
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

/** The body of a schema for the registry; Avro without its type, as older registries expect. */
const draftBody = ({ schemaType, schema, references }: Draft) => ({
  schema,
  ...(schemaType !== 'AVRO' && { schemaType }),
  ...(references.length > 0 && { references }),
});

/** The draft against the subject's latest version, at the level in force. */
export async function checkDraft(
  config: SchemaRegistryConfig,
  subject: string,
  draft: Draft,
): Promise<{ compatible: boolean; messages: string[] }> {
  const answer = await call<{ is_compatible?: unknown; messages?: unknown }>(
    config,
    'POST',
    `/compatibility${subjectPath(subject)}/versions/latest?verbose=true`,
    draftBody(draft),
  );
  if (typeof answer?.is_compatible !== 'boolean') throw badAnswer('a compatibility verdict');
  const messages = Array.isArray(answer.messages)
    ? answer.messages.filter((m): m is string => typeof m === 'string')
    : [];
  return { compatible: answer.is_compatible, messages };
}

/** The version the subject holds the very same schema as, or null (40403 schema not found). */
export async function lookUp(
  config: SchemaRegistryConfig,
  subject: string,
  draft: Draft,
): Promise<{ id: number; version: number } | null> {
  try {
    const found = await call<{ id?: unknown; version?: unknown }>(
      config,
      'POST',
      subjectPath(subject),
      draftBody(draft),
    );
    if (!Number.isInteger(found?.id) || !Number.isInteger(found?.version))
      throw badAnswer('a schema version');
    return { id: found.id as number, version: found.version as number };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Registers the draft as the subject's next version (the registry checks its compatibility level). */
export async function register(config: SchemaRegistryConfig, subject: string, draft: Draft): Promise<number> {
  const answer = await call<{ id?: unknown }>(
    config,
    'POST',
    `${subjectPath(subject)}/versions`,
    draftBody(draft),
  );
  if (!Number.isInteger(answer?.id)) throw badAnswer('a schema id');
  return answer.id as number;
}

export async function deleteVersion(
  config: SchemaRegistryConfig,
  subject: string,
  version: number,
  permanent: boolean,
): Promise<number> {
  const answer = await call<unknown>(
    config,
    'DELETE',
    `${subjectPath(subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`,
  );
  if (!Number.isInteger(answer)) throw badAnswer('the deleted version');
  return answer as number;
}

export async function deleteSubject(
  config: SchemaRegistryConfig,
  subject: string,
  permanent: boolean,
): Promise<number[]> {
  return numbers(
    await call(config, 'DELETE', `${subjectPath(subject)}${permanent ? '?permanent=true' : ''}`),
    'the deleted versions',
  );
}
