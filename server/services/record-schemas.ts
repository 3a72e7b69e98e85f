import 'server-only';
import { parseJsonExact } from '@/lib/format/json-exact';
import {
  schemaFormatLabels,
  type PayloadFormat,
  type ProduceSchemaChoice,
  type SchemaDecoded,
  type SchemaFormat,
} from '@/lib/schemas/message';
import type { ClusterConfig } from '@/server/config/schema';
import type { FetchedRecord } from '@/server/kafka';
import {
  RegistryError,
  schemaRegistry,
  type RegisteredSchema,
  type SchemaRegistry,
} from '@/server/schema-registry';
import { AppError } from '@/server/http/app-error';
import {
  compileSchema,
  SchemaInputError,
  type CompiledSchema,
  type SchemaWithReferences,
} from '@/server/services/schema-codecs';

const FORMAT_OF = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'json-schema' } as const;
/** References nest (a schema refers to one that refers to another…), never without end. */
const MAX_REFERENCE_DEPTH = 16;

interface Resolved {
  compiled: CompiledSchema | null;
  schemaType: RegisteredSchema['schemaType'] | null;
  /** Every subject and version holding the id; the one shown is chosen per topic and key/value. */
  versions: { subject: string; version: number }[];
  error: string | null;
}

/** The schema id of bytes in the wire format (magic byte 0, then a 4-byte id), else null. */
export function wireSchemaId(bytes: Buffer | null | undefined): number | null {
  if (!bytes || bytes.length < 5 || bytes[0] !== 0) return null;
  const id = bytes.readInt32BE(1);
  // Registries number schemas from 1.
  return id > 0 ? id : null;
}

/**
 * Distinct schema ids one read looks up at most. Binary values that merely start with a 0 byte
 * carry a different "id" each: past this, no more are asked for (auto then shows them raw).
 */
export const MAX_LOOKUPS_PER_READ = 64;

async function withReferences(
  registry: SchemaRegistry,
  schema: RegisteredSchema,
): Promise<SchemaWithReferences> {
  const ordered: SchemaWithReferences['references'] = [];
  const seen = new Set<string>();
  const visit = async (s: RegisteredSchema, depth: number): Promise<void> => {
    if (depth > MAX_REFERENCE_DEPTH) throw new Error(`references nest deeper than ${MAX_REFERENCE_DEPTH}`);
    for (const ref of s.references) {
      const key = `${ref.subject}\u0000${ref.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const referred = await registry.schemaOf(ref.subject, ref.version);
      await visit(referred, depth + 1); // what it refers to comes before it
      ordered.push({ name: ref.name, schema: referred });
    }
  };
  await visit(schema, 0);
  return { schema, references: ordered };
}

function reason(error: unknown, id: number): string {
  if (error instanceof RegistryError) {
    if (error.kind === 'not_found') return `schema id ${id} is not in the schema registry`;
    return `the schema registry could not give schema ${id}: ${error.message}`;
  }
  return `schema ${id} cannot be used: ${(error as Error).message}`;
}

// Compiled schemas per registry and id, for the whole process: one registry call per id, one
// compile per schema. Bounded; the least recently used go first.
const COMPILED_MAX = 1_000;
// Kept per registry client, which is per cluster config: two clusters that name the same URL with
// different credentials or TLS settings never share what one of them was allowed to read.
const compiledOf = new WeakMap<SchemaRegistry, Map<number, Promise<Resolved>>>();

function resolveId(registry: SchemaRegistry, id: number): Promise<Resolved> {
  let compiled = compiledOf.get(registry);
  if (!compiled) compiledOf.set(registry, (compiled = new Map()));
  const key = id;
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  const load = (async (): Promise<Resolved> => {
    let schema: RegisteredSchema;
    try {
      schema = await registry.schemaById(id);
    } catch (error) {
      // Not kept here: the registry client keeps failures for a short while itself.
      compiled.delete(key);
      return { compiled: null, schemaType: null, versions: [], error: reason(error, id) };
    }
    const versions = await registry.versionsOfId(id).catch(() => []);
    try {
      return {
        compiled: compileSchema(await withReferences(registry, schema)),
        schemaType: schema.schemaType,
        versions,
        error: null,
      };
    } catch (error) {
      if (error instanceof RegistryError) compiled.delete(key); // a reference could not be read: ask again later
      return { compiled: null, schemaType: schema.schemaType, versions, error: reason(error, id) };
    }
  })();
  compiled.set(key, load);
  while (compiled.size > COMPILED_MAX) compiled.delete(compiled.keys().next().value!);
  return load;
}

/**
 * Schema decoding for one read of one topic (a browse page, a search, a tail): `prepare` looks up the
 * schema ids a batch of records carries (at most one registry call per id for the whole process),
 * after which `decode` is synchronous, so filters and the conversion to API messages decode each
 * key and value once, without an await per record.
 */
export class RecordSchemas {
  readonly #registry: SchemaRegistry | null;
  readonly #resolved = new Map<number, Resolved>();
  // The last key and value decoded: a filter decodes a record, then toMessage shows the same one. One
  // slot each rather than a WeakMap, which kept a million decoded records reachable through a scan.
  readonly #last = {
    key: { bytes: null as Buffer | null, decoding: undefined as Decoding | undefined },
    value: { bytes: null as Buffer | null, decoding: undefined as Decoding | undefined },
  };

  constructor(
    cluster: ClusterConfig,
    readonly topic: string,
    readonly formats: { key: PayloadFormat; value: PayloadFormat },
  ) {
    this.#registry = schemaRegistry(cluster);
  }

  /** True when nothing would be decoded whatever the records hold. */
  get idle(): boolean {
    const off = (f: PayloadFormat) => f === 'raw' || (f === 'auto' && this.#registry === null);
    return off(this.formats.key) && off(this.formats.value);
  }

  async prepare(records: Iterable<FetchedRecord>): Promise<void> {
    if (this.idle || this.#registry === null) return;
    const wanted = new Set<number>();
    for (const record of records) {
      for (const which of ['key', 'value'] as const) {
        if (this.formats[which] === 'raw') continue;
        const id = wireSchemaId(record[which]);
        if (id !== null && !this.#resolved.has(id)) wanted.add(id);
      }
    }
    // Bounded per read, whatever the records hold.
    for (const id of [...wanted].slice(Math.max(0, MAX_LOOKUPS_PER_READ - this.#resolved.size)))
      wanted.delete(id);
    if (wanted.size === 0) return;
    const registry = this.#registry;
    await Promise.all(
      [...wanted].map(async (id) => {
        // Kept for this read whatever the outcome: a dead registry costs one wait per read, not one per batch.
        this.#resolved.set(id, await resolveId(registry, id));
      }),
    );
  }

  /** The decoded key or value, or undefined where nothing is to be decoded (not the wire format, raw). */
  decode(bytes: Buffer | null | undefined, which: 'key' | 'value'): Decoding | undefined {
    if (!bytes) return undefined;
    const format = this.formats[which];
    if (format === 'raw') return undefined;
    const last = this.#last[which];
    if (last.bytes === bytes) return last.decoding;
    const result = this.#decode(bytes, which, format);
    last.bytes = bytes;
    last.decoding = result;
    return result;
  }

  #decode(bytes: Buffer, which: 'key' | 'value', format: PayloadFormat): Decoding | undefined {
    const id = wireSchemaId(bytes);
    const explicit = format !== 'auto';
    if (id === null) {
      if (!explicit) return undefined;
      return failed(null, -1, `not in the schema registry's wire format (a 0 byte, then a 4-byte schema id)`);
    }
    if (this.#registry === null)
      return explicit ? failed(null, id, 'no schema registry is configured for this cluster') : undefined;
    const resolved = this.#resolved.get(id);
    if (!resolved)
      return explicit
        ? failed(
            null,
            id,
            `schema ${id} was not looked up: this read met more than ${MAX_LOOKUPS_PER_READ} schema ids`,
          )
        : undefined;
    const shownFormat = resolved.schemaType ? FORMAT_OF[resolved.schemaType] : null;
    const { subject, version } = this.#subjectOf(resolved, which);
    const refused = (error: string): Decoding => ({ ...failed(shownFormat, id, error), subject, version });
    if (resolved.error !== null || !resolved.compiled) return refused(resolved.error ?? 'no decoder');
    if (explicit && shownFormat !== format)
      return refused(
        `schema ${id} is ${schemaFormatLabels[shownFormat!]}, not ${schemaFormatLabels[format as SchemaFormat]}`,
      );
    try {
      const { value, text, name } = resolved.compiled.decode(bytes.subarray(5));
      return new DecodedRecord(shownFormat, id, subject, version, name, value, text);
    } catch (error) {
      return refused(
        `does not decode with schema ${id} (${schemaFormatLabels[shownFormat!]}): ${(error as Error).message}`,
      );
    }
  }

  /** TopicNameStrategy's subject when the id is under it, else the first subject that holds the id. */
  #subjectOf(resolved: Resolved, which: 'key' | 'value'): { subject: string | null; version: number | null } {
    const own = resolved.versions.find((v) => v.subject === `${this.topic}-${which}`);
    const pick = own ?? resolved.versions[0];
    return pick ? pick : { subject: null, version: null };
  }
}

export interface Decoding {
  format: SchemaDecoded['format'];
  id: number;
  subject: string | null;
  version: number | null;
  name: string | null;
  /** The record as data, for filters (undefined when it did not decode). */
  value: unknown;
  text: string | null;
  error: string | null;
}

/**
 * A record that decoded. A class with the JSON text as a getter on its prototype: an object literal
 * with an accessor per record made every decoding a slow dictionary object (seconds of a 1M scan).
 */
class DecodedRecord implements Decoding {
  readonly error = null;
  #written: string | undefined;
  constructor(
    readonly format: SchemaDecoded['format'],
    readonly id: number,
    readonly subject: string | null,
    readonly version: number | null,
    readonly name: string | null,
    readonly value: unknown,
    private readonly write: () => string,
  ) {}

  /** Written once, when the API, a filter on `value` or a text search asks for it. */
  get text(): string {
    return (this.#written ??= this.write());
  }
}

function failed(format: SchemaDecoded['format'], id: number, error: string): Decoding {
  return { format, id, subject: null, version: null, name: null, value: undefined, text: null, error };
}

/** A decoding as the API shows it: the JSON text cut at `maxBytes` characters. */
export function toSchemaDecoded(decoding: Decoding, maxBytes: number): SchemaDecoded {
  const text = decoding.text;
  return {
    format: decoding.format,
    id: decoding.id,
    subject: decoding.subject,
    version: decoding.version,
    name: decoding.name,
    json: text === null ? null : text.length > maxBytes ? text.slice(0, maxBytes) : text,
    truncated: text !== null && text.length > maxBytes,
    error: decoding.error,
  };
}

/**
 * An encoder for produced keys or values: the subject's schema (a version, or the latest), its
 * references, and the wire format framing. Each text is the record as JSON (numbers exact); errors
 * name the field and refuse the whole request before anything is sent.
 */
export async function schemaEncoder(
  cluster: ClusterConfig,
  choice: ProduceSchemaChoice,
  what: 'key' | 'value',
): Promise<{ id: number; encode: (text: string) => Buffer }> {
  const registry = schemaRegistry(cluster);
  const label = what === 'key' ? 'Key' : 'Value';
  if (!registry)
    throw new AppError('validation_failed', `${label}: no schema registry is configured for this cluster`);
  let schema: RegisteredSchema & { version: number };
  let compiledSchema: CompiledSchema;
  try {
    schema = await registry.schemaOf(choice.subject, choice.version);
    compiledSchema = compileSchema(await withReferences(registry, schema));
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'not_found')
      throw new AppError(
        'validation_failed',
        `${label}: subject "${choice.subject}" has no version ${choice.version} in the schema registry`,
      );
    if (error instanceof RegistryError)
      throw new AppError('broker_unavailable', `${label}: ${error.message}`);
    throw new AppError(
      'validation_failed',
      `${label}: the schema of "${choice.subject}" cannot be used: ${(error as Error).message}`,
    );
  }
  if (schema.id < 0)
    throw new AppError('internal', `${label}: the registry gave no id for "${choice.subject}"`);
  if (choice.message && compiledSchema.type !== 'PROTOBUF')
    throw new AppError('validation_failed', `${label}: a message type is only chosen for Protobuf schemas`);
  const header = Buffer.alloc(5);
  header.writeInt32BE(schema.id, 1);
  return {
    id: schema.id,
    encode(text) {
      let value: unknown;
      try {
        value = parseJsonExact(text);
      } catch (error) {
        throw new AppError('validation_failed', `${label}: not valid JSON: ${(error as Error).message}`);
      }
      try {
        return Buffer.concat([header, compiledSchema.encode(value, text, choice.message)]);
      } catch (error) {
        if (error instanceof SchemaInputError)
          throw new AppError(
            'validation_failed',
            `${label} does not match ${choice.subject} v${schema.version}: ${error.message}`,
          );
        throw new AppError('validation_failed', `${label}: ${(error as Error).message}`);
      }
    },
  };
}
