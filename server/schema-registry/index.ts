import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import type { SchemaRegistryConfig } from '@/server/config/schema-registry';
import { registryCall, RegistryError } from '@/server/schema-registry/http';

export { RegistryError, type RegistryFailure } from '@/server/schema-registry/http';

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface RegisteredSchema {
  id: number;
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

export interface SubjectVersion {
  subject: string;
  version: number;
}

interface RawSchema {
  schema?: unknown;
  schemaType?: unknown;
  references?: unknown;
  id?: unknown;
  subject?: unknown;
  version?: unknown;
}

function toSchema(id: number, raw: RawSchema): RegisteredSchema {
  if (typeof raw?.schema !== 'string')
    throw new RegistryError('bad_answer', `the registry's answer for schema ${id} holds no schema`);
  const type = raw.schemaType ?? 'AVRO'; // Confluent leaves the type out for Avro
  if (type !== 'AVRO' && type !== 'PROTOBUF' && type !== 'JSON')
    throw new RegistryError(
      'bad_answer',
      `schema ${id} is of a type the console does not know (${String(type)})`,
    );
  const references = Array.isArray(raw.references)
    ? (raw.references as RawSchema[]).flatMap((r) => {
        const ref = r as { name?: unknown; subject?: unknown; version?: unknown };
        return typeof ref.name === 'string' &&
          typeof ref.subject === 'string' &&
          typeof ref.version === 'number'
          ? [{ name: ref.name, subject: ref.subject, version: ref.version }]
          : [];
      })
    : [];
  return { id, schemaType: type, schema: raw.schema, references };
}

/**
 * A small cache of promises with a bound on entries and an age per outcome: an answer is kept until
 * evicted, a "not found" for a minute, any other failure for a few seconds (a registry that is down
 * is asked again soon, but never once per message).
 */
class Memo<T> {
  private entries = new Map<string, { at: number; ttl: number; value: Promise<T> }>();
  constructor(private readonly max: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < hit.ttl) {
      // Least recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = load();
    const entry = { at: now, ttl: Infinity, value };
    this.entries.set(key, entry);
    value.catch((error: unknown) => {
      entry.at = Date.now();
      entry.ttl = error instanceof RegistryError && error.kind === 'not_found' ? 60_000 : 5_000;
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  drop(which: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()]) if (which(key)) this.entries.delete(key);
  }
}

/** What a cluster's registry answers, cached per process: one call per schema id at most. */
export interface SchemaRegistry {
  readonly url: string;
  schemaById(id: number): Promise<RegisteredSchema>;
  /** The subjects and versions that hold schema `id` (empty where the registry cannot say). */
  versionsOfId(id: number): Promise<SubjectVersion[]>;
  schemaOf(subject: string, version: number | 'latest'): Promise<RegisteredSchema & SubjectVersion>;
  /** Every subject (asked each time: subjects come and go). */
  subjects(): Promise<string[]>;
  /**
   * Forgets what was read of a subject after it changed (a version deleted, the subject deleted): a
   * version number may come back holding another schema once deleted for good, and an id's subjects
   * and versions change with it. Schemas by id never change, and stay.
   */
  forget(subject: string): void;
}

const registries = new WeakMap<SchemaRegistryConfig, SchemaRegistry>();

function open(config: SchemaRegistryConfig): SchemaRegistry {
  const byId = new Memo<RegisteredSchema>(2_000);
  const versions = new Memo<SubjectVersion[]>(2_000);
  const bySubject = new Memo<RegisteredSchema & SubjectVersion>(2_000);
  const get = <T>(path: string) => registryCall<T>(config, 'GET', path);
  return {
    url: new URL(config.url).origin,
    schemaById: (id) =>
      byId.get(String(id), async () => toSchema(id, await get<RawSchema>(`/schemas/ids/${id}`))),
    versionsOfId: (id) =>
      versions.get(String(id), async () => {
        try {
          const list = await get<unknown>(`/schemas/ids/${id}/versions`);
          return Array.isArray(list)
            ? (list as RawSchema[]).flatMap((v) =>
                typeof v.subject === 'string' && typeof v.version === 'number'
                  ? [{ subject: v.subject, version: v.version }]
                  : [],
              )
            : [];
        } catch (error) {
          // Older registries lack the endpoint: the record still decodes, without a subject.
          if (error instanceof RegistryError && (error.kind === 'not_found' || error.kind === 'refused'))
            return [];
          throw error;
        }
      }),
    subjects: async () => {
      const list = await get<unknown>('/subjects');
      if (!Array.isArray(list))
        throw new RegistryError(
          'bad_answer',
          'the registry answered something other than a list of subjects',
        );
      return list.filter((s): s is string => typeof s === 'string');
    },
    schemaOf: (subject, version) => {
      const key = `${subject}\u0000${version}`;
      const load = async () => {
        const raw = await get<RawSchema>(`/subjects/${encodeURIComponent(subject)}/versions/${version}`);
        const id = typeof raw.id === 'number' ? raw.id : -1;
        return {
          ...toSchema(id, raw),
          subject,
          version: typeof raw.version === 'number' ? raw.version : Number(version),
        };
      };
      // "latest" moves: read it each time (the id cache keeps decoding cheap).
      return version === 'latest' ? load() : bySubject.get(key, load);
    },
    forget: (subject) => {
      bySubject.drop((key) => key.startsWith(`${subject}\u0000`));
      versions.drop(() => true);
    },
  };
}

/** The schema registry of a cluster, or null when none is configured. */
export function schemaRegistry(cluster: ClusterConfig): SchemaRegistry | null {
  const config = cluster.schemaRegistry;
  if (!config) return null;
  let registry = registries.get(config);
  if (!registry) registries.set(config, (registry = open(config)));
  return registry;
}
