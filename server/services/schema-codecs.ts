import 'server-only';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { layoutJson } from '@/lib/format/json-text';
import type { RegisteredSchema, SchemaType } from '@/server/schema-registry';

/**
 * Decoders for the three formats a schema registry holds, built once per schema id. Decoded values
 * are plain data: objects, arrays, strings, booleans, numbers, and BigInt for integers beyond 2^53
 * (so nothing is rounded); bytes and fixed as base64; Avro's logical types as what they mean
 * (decimals as exact decimal strings, dates and times as ISO 8601).
 */
export interface CompiledSchema {
  type: SchemaType;
  /** `text()` writes the record as JSON when asked (a filter on fields never needs it). */
  decode(body: Buffer): { value: unknown; text: () => string; name: string | null };
  /**
   * The record body (after the magic byte and id) for a JSON value read by parseJsonExact: Protobuf
   * bodies start with the message indexes of `message` (default: the first message type). Throws
   * SchemaInputError naming the field that does not fit.
   */
  encode(value: unknown, text: string, message?: string): Buffer;
  /** The message types a Protobuf schema declares (what `message` may name); empty for the others. */
  messages: string[];
}

/** Input that does not fit the schema, with the path of the field (`customer.id`, `items[2]`). */
export class SchemaInputError extends Error {
  override name = 'SchemaInputError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}

/** A schema and the schemas it refers to, in the order a parser needs them (dependencies first). */
export interface SchemaWithReferences {
  schema: RegisteredSchema;
  references: { name: string; schema: RegisteredSchema }[];
}

// ---- JSON text with exact integers ------------------------------------------------------------

// A BigInt goes through JSON.stringify as a marked string, and the marks come off afterwards:
// native stringify is several times faster than walking the value here. Only a text that holds a
// BigInt is unmarked, so only a string of NUL, digits, NUL beside a BigInt in one record could be misread.
const BIG_MARK = /"\\u0000(-?\d+)\\u0000"/g;
const markBigInt = (_key: string, v: unknown) => (typeof v === 'bigint' ? `\u0000${v}\u0000` : v);

/** JSON text of plain data, BigInts written as their digits (JSON.stringify refuses them). */
export function toJsonText(value: unknown, indent = 2): string {
  let big = false;
  const text = JSON.stringify(
    value,
    (key, v: unknown) => {
      if (typeof v !== 'bigint') return v;
      big = true;
      return markBigInt(key, v);
    },
    indent || undefined,
  );
  return big ? text.replace(BIG_MARK, '$1') : (text ?? 'null');
}

/** A copy of plain data with every BigInt replaced. */
function mapBigInts(value: unknown, map: (n: bigint) => unknown): unknown {
  if (typeof value === 'bigint') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapBigInts(v, map));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapBigInts(v, map)]));
  return value;
}

// ---- Avro -------------------------------------------------------------------------------------

/** Avro longs as numbers while exact, BigInt beyond 2^53: never rounded. */
const ExactLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => {
    // Two halves while the high one keeps the value within 2^53 (no BigInt made), else a BigInt.
    const high = buf.readInt32LE(4);
    if (high >= -0x200000 && high < 0x200000) return high * 4294967296 + buf.readUInt32LE(0);
    return buf.readBigInt64LE(0);
  },
  toBuffer: (n: number | bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (x: unknown) => (typeof x === 'bigint' ? x : Number(x)),
  toJSON: (n: number | bigint) => n,
  isValid: (n: unknown) => typeof n === 'bigint' || (typeof n === 'number' && Number.isInteger(n)),
  compare: (a: number | bigint, b: number | bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

/** Dates and times beyond what an ISO string can write (years past 9999 or before 0) stay numbers. */
const inIsoRange = (ms: number) => ms >= -62_167_219_200_000 && ms <= 253_402_300_799_999;

function isoDate(days: number): string | number {
  const ms = days * 86_400_000;
  return inIsoRange(ms) ? new Date(ms).toISOString().slice(0, 10) : days;
}

/** An ISO time with a fraction of `digits` digits, from a count of `perSecond` units since the epoch. */
function isoTimestamp(units: number | bigint, perSecond: bigint, digits: number): string | number | bigint {
  const big = BigInt(units);
  let seconds = big / perSecond;
  let fraction = big % perSecond;
  if (fraction < 0n) {
    fraction += perSecond;
    seconds -= 1n;
  }
  if (!inIsoRange(Number(seconds) * 1000)) return units;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${base}.${fraction.toString().padStart(digits, '0')}Z`;
}

function timeOfDay(units: number | bigint, perSecond: bigint, digits: number): string {
  const big = BigInt(units);
  const seconds = Number(big / perSecond);
  const fraction = (big % perSecond).toString().padStart(digits, '0');
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${fraction}`;
}

/** Two's-complement big-endian bytes scaled by 10^scale, as an exact decimal string. */
export function decimalText(bytes: Buffer, scale: number): string {
  let unscaled = 0n;
  for (const b of bytes) unscaled = (unscaled << 8n) | BigInt(b);
  if (bytes.length > 0 && bytes[0]! & 0x80) unscaled -= 1n << BigInt(bytes.length * 8);
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

class DecimalType extends avro.types.LogicalType {
  private readonly scale: number;
  private readonly precision: number;
  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    const s = schema as { precision?: unknown; scale?: unknown };
    if (typeof s.precision !== 'number') throw new Error('decimal without precision');
    this.precision = s.precision;
    this.scale = typeof s.scale === 'number' ? s.scale : 0;
  }
  protected override _fromValue(buf: Buffer) {
    return decimalText(buf, this.scale);
  }
  protected override _toValue(value: unknown) {
    if (Buffer.isBuffer(value)) return value;
    const text = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;
    if (typeof text !== 'string') return undefined;
    // No more digits than the precision allows.
    const digits = text
      .replace(/^-/, '')
      .replace('.', '')
      .replace(/^0+(?=\d)/, '');
    if (digits.length > this.precision) return undefined;
    const bytes = decimalBytes(text, this.scale);
    // A decimal on fixed takes exactly its size: sign-extended to it.
    const size = (this.underlyingType as { size?: number }).size;
    if (!bytes || size === undefined) return bytes;
    if (bytes.length > size) return undefined;
    return Buffer.concat([Buffer.alloc(size - bytes.length, bytes[0]! & 0x80 ? 0xff : 0), bytes]);
  }
}

/** An exact decimal string as two's-complement big-endian bytes of its value scaled by 10^scale. */
export function decimalBytes(text: string, scale: number): Buffer | undefined {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, minus, whole, fraction = ''] = match;
  if (fraction.length > scale) return undefined; // would lose digits
  let unscaled = BigInt(whole! + fraction.padEnd(scale, '0'));
  if (minus) unscaled = -unscaled;
  let bytes = 1;
  while (unscaled >= 1n << BigInt(bytes * 8 - 1) || unscaled < -(1n << BigInt(bytes * 8 - 1))) bytes++;
  const out = Buffer.alloc(bytes);
  let v = unscaled < 0n ? (1n << BigInt(bytes * 8)) + unscaled : unscaled;
  for (let i = bytes - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** A logical type shown as text and taken back from that text (or from the underlying number itself). */
function logical(fromValue: (v: never) => unknown, toValue: (text: string) => number | bigint | undefined) {
  return class extends avro.types.LogicalType {
    protected override _fromValue(v: unknown) {
      return fromValue(v as never);
    }
    protected override _toValue(v: unknown) {
      if (typeof v === 'number' || typeof v === 'bigint') return v;
      return typeof v === 'string' ? toValue(v) : undefined;
    }
  };
}

/** Units since the epoch of an ISO 8601 time with any number of fraction digits (exact, no Date rounding). */
function unitsOfIso(text: string, digits: number): bigint | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match) return undefined;
  const seconds = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(seconds)) return undefined;
  const fraction = (match[2] ?? '').padEnd(9, '0').slice(0, digits);
  return (BigInt(seconds) / 1000n) * 10n ** BigInt(digits) + BigInt(fraction || '0');
}

function unitsOfTime(text: string, digits: number): bigint | undefined {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  return (
    BigInt(seconds) * 10n ** BigInt(digits) +
    BigInt((match[4] ?? '').padEnd(digits, '0').slice(0, digits) || '0')
  );
}

const safe = (v: bigint | undefined) =>
  v === undefined
    ? undefined
    : v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v)
      : v;

const AVRO_LOGICAL_TYPES = {
  decimal: DecimalType,
  date: logical(
    (days: number) => isoDate(days),
    (text) =>
      /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))
        ? Date.parse(text) / 86_400_000
        : undefined,
  ),
  'timestamp-millis': logical(
    (ms: number | bigint) => isoTimestamp(ms, 1000n, 3),
    (t) => safe(unitsOfIso(t, 3)),
  ),
  'timestamp-micros': logical(
    (us: number | bigint) => isoTimestamp(us, 1_000_000n, 6),
    (t) => safe(unitsOfIso(t, 6)),
  ),
  'timestamp-nanos': logical(
    (ns: number | bigint) => isoTimestamp(ns, 1_000_000_000n, 9),
    (t) => safe(unitsOfIso(t, 9)),
  ),
  'time-millis': logical(
    (ms: number) => timeOfDay(ms, 1000n, 3),
    (t) => safe(unitsOfTime(t, 3)),
  ),
  'time-micros': logical(
    (us: number | bigint) => timeOfDay(us, 1_000_000n, 6),
    (t) => safe(unitsOfTime(t, 6)),
  ),
} as unknown as Record<string, new (schema: avro.Schema, opts?: unknown) => avro.types.LogicalType>;

/** Buffers (bytes, fixed) as base64; avsc's record objects as plain objects. */
function plainAvro(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(plainAvro);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainAvro((value as Record<string, unknown>)[key]);
  return out;
}

type AvroType = avro.Type & {
  typeName: string;
  fields?: { name: string; type: AvroType; defaultValue(): unknown }[];
  itemsType?: AvroType;
  valuesType?: AvroType;
  types?: AvroType[];
  size?: number;
  symbols?: string[];
  underlyingType?: AvroType;
};

const describe = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : JSON.stringify(typeof v === 'bigint' ? String(v) : v);

/**
 * A value as typed (JSON, read by parseJsonExact) in the form avsc writes: bytes and fixed from
 * base64, missing fields from their defaults, unions by the first branch that takes the value;
 * logical types keep their text (their own _toValue reads it). Errors name the field.
 */
function avroFromJson(type: AvroType, v: unknown, path: string): unknown {
  if (type instanceof avro.types.LogicalType) {
    if (!type.isValid(v))
      throw new SchemaInputError(
        path,
        `${describe(v)} is not a valid ${(type as unknown as { _logicalTypeName?: string })._logicalTypeName ?? 'value'} for ${type.underlyingType.typeName}`,
      );
    return v;
  }
  const fail = (expected: string): never => {
    throw new SchemaInputError(path, `expected ${expected}, got ${describe(v)}`);
  };
  switch (type.typeName) {
    case 'record':
    case 'error': {
      if (v === null || typeof v !== 'object' || Array.isArray(v))
        fail(`an object (record ${(type as { name?: string }).name})`);
      const input = v as Record<string, unknown>;
      const known = new Set(type.fields!.map((f) => f.name));
      const extra = Object.keys(input).find((k) => !known.has(k));
      if (extra)
        throw new SchemaInputError(path ? `${path}.${extra}` : extra, 'is not a field of the schema');
      const out: Record<string, unknown> = {};
      for (const field of type.fields!) {
        const at = path ? `${path}.${field.name}` : field.name;
        if (!(field.name in input)) {
          const fallback = field.defaultValue();
          if (fallback === undefined) throw new SchemaInputError(at, 'is required (it has no default)');
          out[field.name] = fallback;
        } else out[field.name] = avroFromJson(field.type, input[field.name], at);
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(v)) fail('a list');
      return (v as unknown[]).map((item, i) => avroFromJson(type.itemsType!, item, `${path}[${i}]`));
    case 'map': {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) fail('an object (map)');
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v as Record<string, unknown>))
        out[k] = avroFromJson(type.valuesType!, item, `${path}.${k}`);
      return out;
    }
    case 'bytes':
    case 'fixed': {
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) fail('base64 text');
      const bytes = Buffer.from(v as string, 'base64');
      if (type.typeName === 'fixed' && bytes.length !== type.size) fail(`${type.size} bytes in base64`);
      return bytes;
    }
    case 'union:unwrapped': {
      const reasons: string[] = [];
      for (const branch of type.types!) {
        if (v === null && branch.typeName !== 'null') continue;
        try {
          const converted = avroFromJson(branch, v, path);
          if (branch.isValid(converted)) return converted;
        } catch (error) {
          reasons.push((error as Error).message);
        }
      }
      return fail(`one of ${type.types!.map((t) => t.typeName).join(', ')}`);
    }
    case 'union:wrapped': {
      if (v === null) return null;
      if (typeof v !== 'object' || Array.isArray(v) || Object.keys(v).length !== 1)
        fail('null or an object with one key naming the branch');
      const [branchName, inner] = Object.entries(v as Record<string, unknown>)[0]!;
      const branch = type.types!.find((t) => (t as { branchName?: string }).branchName === branchName);
      if (!branch) throw new SchemaInputError(path, `"${branchName}" is not a branch of the union`);
      return { [branchName]: avroFromJson(branch, inner, `${path}.${branchName}`) };
    }
    case 'enum':
      if (typeof v !== 'string' || !type.symbols!.includes(v)) fail(`one of ${type.symbols!.join(', ')}`);
      return v;
    case 'long':
    case 'abstract:long':
      if (!(typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))) fail('a whole number');
      return v;
    case 'int':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31)
        fail('a whole number of 32 bits');
      return v;
    case 'float':
    case 'double':
      if (typeof v !== 'number' && typeof v !== 'bigint') fail('a number');
      return Number(v);
    case 'string':
      if (typeof v !== 'string') fail('text');
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') fail('true or false');
      return v;
    case 'null':
      if (v !== null) fail('null');
      return v;
    default:
      return v;
  }
}

/**
 * Every long exact: `"long"` by name is the registry's entry, but `{"type": "long", …}` objects are
 * built afresh, so the hook hands them ExactLong too. A long with a logical type we read is seen
 * twice: first for the logical type (left to avsc), then for its underlying long.
 */
function exactLongHook(): (schema: unknown) => avro.Type | undefined {
  const seen = new WeakSet<object>();
  return (schema) => {
    if (schema === null || typeof schema !== 'object' || (schema as { type?: unknown }).type !== 'long')
      return undefined;
    const logicalType = (schema as { logicalType?: unknown }).logicalType;
    if (typeof logicalType === 'string' && logicalType in AVRO_LOGICAL_TYPES && !seen.has(schema)) {
      seen.add(schema);
      return undefined;
    }
    return ExactLong as unknown as avro.Type;
  };
}

// ---- Avro block counts, bounded -----------------------------------------------------------------
// avsc reads an array's or map's block count without comparing it to the bytes left, and reads past
// the end as zeros: a 9-byte record claiming 2^60 items would loop for ever or fill the heap, and any
// producer can write one. These readers refuse a count the record cannot hold, stop at the end of the
// bytes, and bound the items of one record (items of null or empty records take no bytes at all).
interface AvroTap {
  buf: Buffer;
  pos: number;
  readLong(): number;
  skipLong(): void;
  readString(): string;
}
type Reader = { _read(tap: AvroTap): unknown };
const ZERO_WIDTH_ITEMS = 10_000;
/** Items one record may still hold: set for each decode (Infinity outside, for avsc's other uses). */
let itemBudget = Infinity;

function blockCount(tap: AvroTap): number {
  let n = tap.readLong();
  if (n < 0) {
    n = -n;
    tap.skipLong(); // the block's size in bytes
  }
  if (n > tap.buf.length - tap.pos + ZERO_WIDTH_ITEMS || n > itemBudget)
    throw new Error(`a block of ${n} items in a record of ${tap.buf.length} bytes`);
  itemBudget -= n;
  return n;
}

function pastEnd(tap: AvroTap): never {
  throw new Error(`the record ends before its data (${tap.buf.length} bytes)`);
}

function readArray(this: { itemsType: Reader }, tap: AvroTap): unknown[] {
  const out: unknown[] = [];
  let n: number;
  while ((n = blockCount(tap))) {
    while (n--) {
      out.push(this.itemsType._read(tap));
      if (tap.pos > tap.buf.length) pastEnd(tap);
    }
  }
  return out;
}

function readMap(this: { valuesType: Reader }, tap: AvroTap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let n: number;
  while ((n = blockCount(tap))) {
    while (n--) {
      const key = tap.readString();
      out[key] = this.valuesType._read(tap);
      if (tap.pos > tap.buf.length) pastEnd(tap);
    }
  }
  return out;
}

// avsc freezes its types, so the readers go on the prototypes: every array and map this process
// decodes reads through them (schema-codecs.test.ts fails if avsc's own readers come back).
(avro.types.ArrayType.prototype as unknown as Reader)._read = readArray as Reader['_read'];
(avro.types.MapType.prototype as unknown as Reader)._read = readMap as Reader['_read'];

function compileAvro({ schema, references }: SchemaWithReferences): CompiledSchema {
  const registry: Record<string, avro.Type> = { long: ExactLong as unknown as avro.Type };
  const options = {
    registry,
    logicalTypes: AVRO_LOGICAL_TYPES,
    wrapUnions: 'auto' as const,
    typeHook: exactLongHook(),
  };
  for (const ref of references) avro.Type.forSchema(JSON.parse(ref.schema.schema) as avro.Schema, options);
  const type = avro.Type.forSchema(JSON.parse(schema.schema) as avro.Schema, options) as AvroType;
  const name = (type as { name?: string }).name ?? null;
  return {
    type: 'AVRO',
    messages: [],
    decode(body) {
      itemBudget = body.length + ZERO_WIDTH_ITEMS;
      let value: unknown;
      try {
        value = plainAvro(type.fromBuffer(body));
      } finally {
        itemBudget = Infinity;
      }
      return { value, text: () => toJsonText(value), name };
    },
    encode(value) {
      const converted = avroFromJson(type, value, '');
      try {
        return type.toBuffer(converted);
      } catch (error) {
        throw new SchemaInputError('', (error as Error).message);
      }
    },
  };
}

// ---- Protobuf ---------------------------------------------------------------------------------

/** Confluent's message indexes: a zigzag varint count, then that many indexes; a lone 0 means [0]. */
export function readMessageIndexes(body: Buffer): { indexes: number[]; offset: number } {
  let pos = 0;
  const zigzag = () => {
    let raw = 0;
    let factor = 1;
    let byte: number;
    do {
      if (pos >= body.length) throw new Error('the message indexes run past the end of the record');
      byte = body[pos++]!;
      raw += (byte & 0x7f) * factor;
      factor *= 128;
    } while (byte & 0x80);
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  };
  const count = zigzag();
  if (count < 0 || count > 100) throw new Error(`implausible message index count ${count}`);
  if (count === 0) return { indexes: [0], offset: pos };
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) indexes.push(zigzag());
  return { indexes, offset: pos };
}

/** The message indexes as Confluent writes them: [0] as a single 0, else a zigzag count and indexes. */
export function messageIndexBytes(indexes: number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  const out: number[] = [];
  const zigzag = (n: number) => {
    let v = n >= 0 ? n * 2 : -n * 2 - 1;
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  zigzag(indexes.length);
  indexes.forEach(zigzag);
  return Buffer.from(out);
}

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/**
 * A copy that protobufjs's verify accepts where the proto3 JSON mapping does: 64-bit integers as
 * decimal strings or beyond 2^53 (verify knows only numbers and Longs), enum values by name.
 */
const INTEGER_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
};

/**
 * A copy that protobufjs's verify accepts where the proto3 JSON mapping does (64-bit integers as
 * decimal strings or beyond 2^53, enum values by name), after the checks verify leaves out: a field
 * the message does not have, and an integer outside its type's range (protobufjs would silently drop
 * the one and wrap the other).
 */
function forVerify(type: protobuf.Type, value: unknown, path = ''): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    const field = type.fields[key];
    if (!field) throw new SchemaInputError(at, `is not a field of ${type.name}`);
    const range = INTEGER_RANGES[field.type];
    const one = (x: unknown, where: string): unknown => {
      if (
        range &&
        (typeof x === 'number' || typeof x === 'bigint' || (typeof x === 'string' && /^-?\d+$/.test(x)))
      ) {
        if (typeof x === 'number' && !Number.isInteger(x)) return x; // verify says "integer expected"
        const n = BigInt(x);
        if (n < range[0] || n > range[1])
          throw new SchemaInputError(where, `${n} is outside the range of ${field.type}`);
        return LONG_TYPES.has(field.type) ? Number(n) : x;
      }
      if (field.resolvedType instanceof protobuf.Type) return forVerify(field.resolvedType, x, where);
      if (
        field.resolvedType instanceof protobuf.Enum &&
        typeof x === 'string' &&
        x in field.resolvedType.values
      )
        return field.resolvedType.values[x];
      return x;
    };
    if (field.map && v !== null && typeof v === 'object')
      out[key] = Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, one(x, `${at}.${k}`)]),
      );
    else out[key] = field.repeated && Array.isArray(v) ? v.map((x, i) => one(x, `${at}[${i}]`)) : one(v, at);
  }
  return out;
}

const exactNumber = (text: string): number | bigint => {
  const n = BigInt(text);
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
};

/** A copy of a decoded message with its 64-bit integer fields (decimal strings) as numbers or BigInts. */
function longsAsNumbers(type: protobuf.Type, value: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    const field = type.fields[key];
    const v = value[key];
    if (!field || v === null || v === undefined) continue;
    let next: unknown = v;
    const one = (x: unknown): unknown =>
      LONG_TYPES.has(field.type) && typeof x === 'string'
        ? exactNumber(x)
        : field.resolvedType instanceof protobuf.Type && x !== null && typeof x === 'object'
          ? longsAsNumbers(field.resolvedType, x as Record<string, unknown>)
          : x;
    if (field.map && typeof v === 'object')
      next = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, one(x)]));
    else if (Array.isArray(v)) next = v.map(one);
    else next = one(v);
    if (next !== v) (out ??= { ...value })[key] = next;
  }
  return out ?? value;
}

const messageTypes = (ns: protobuf.NamespaceBase) =>
  ns.nestedArray.filter((n): n is protobuf.Type => n instanceof protobuf.Type);

function addImports(root: protobuf.Root, imports: string[] | undefined): void {
  for (const file of imports ?? []) {
    const common = protobuf.common.get(file);
    if (common) root.addJSON((common as { nested: Record<string, protobuf.AnyNestedObject> }).nested);
  }
}

function compileProtobuf({ schema, references }: SchemaWithReferences): CompiledSchema {
  const root = new protobuf.Root();
  const options = { keepCase: true, alternateCommentMode: true };
  const seenImports = new Set<string>();
  const parseInto = (text: string) => {
    const parsed = protobuf.parse(text, root, options);
    const fresh = (parsed.imports ?? []).concat(parsed.weakImports ?? []).filter((f) => !seenImports.has(f));
    fresh.forEach((f) => seenImports.add(f));
    addImports(
      root,
      fresh.filter((f) => f.startsWith('google/protobuf/')),
    );
    return parsed;
  };
  for (const ref of references) parseInto(ref.schema.schema);
  parseInto(schema.schema);
  root.resolveAll();
  // The message types of this file itself, in the order it declares them (what the indexes count),
  // read from a parse of the file alone: the shared root also holds what the references declare.
  const alone = protobuf.parse(schema.schema, new protobuf.Root(), options);
  const pkg = alone.package ? alone.root.lookup(alone.package) : alone.root;
  const top = messageTypes(pkg as protobuf.NamespaceBase).map((t) => root.lookupType(t.fullName));
  if (top.length === 0) throw new Error('the schema declares no message type');
  // Every message type of the file with its index path, for producing.
  const paths = new Map<string, { type: protobuf.Type; indexes: number[] }>();
  const walk = (types: protobuf.Type[], prefix: number[]) =>
    types.forEach((type, i) => {
      paths.set(type.fullName.replace(/^\./, ''), { type, indexes: [...prefix, i] });
      walk(messageTypes(type), [...prefix, i]);
    });
  walk(top, []);
  return {
    type: 'PROTOBUF',
    messages: [...paths.keys()],
    encode(value, _text, message) {
      const target = message ? paths.get(message) : paths.get(top[0]!.fullName.replace(/^\./, ''));
      if (!target)
        throw new SchemaInputError(
          '',
          `the schema has no message type "${message}" (it has ${[...paths.keys()].join(', ')})`,
        );
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new SchemaInputError('', `expected an object (message ${message ?? top[0]!.name})`);
      // int64s beyond 2^53 go in as decimal strings, which protobufjs reads exactly.
      const plain = mapBigInts(value, (n) => n.toString()) as Record<string, unknown>;
      // Checked before converting: fromObject coerces silently ("many" would become 0).
      const problem = target.type.verify(forVerify(target.type, plain) as Record<string, unknown>);
      if (problem) throw new SchemaInputError('', problem);
      let encoded: protobuf.Message;
      try {
        encoded = target.type.fromObject(plain);
      } catch (error) {
        throw new SchemaInputError('', (error as Error).message);
      }
      return Buffer.concat([
        messageIndexBytes(target.indexes),
        Buffer.from(target.type.encode(encoded).finish()),
      ]);
    },
    decode(body) {
      const { indexes, offset } = readMessageIndexes(body);
      let type = top[indexes[0]!];
      for (const i of indexes.slice(1)) type = type ? messageTypes(type)[i] : undefined;
      if (!type) throw new Error(`no message type at index ${indexes.join('.')} in the schema`);
      const message = type.decode(body.subarray(offset));
      // Shown with int64s as decimal strings (the proto3 JSON mapping), exact whatever their size; the
      // filter sees them as numbers like Avro's longs (a BigInt beyond 2^53), so `json.qty > 5` works.
      const shown = type.toObject(message, { longs: String, enums: String, bytes: String, defaults: false });
      return {
        value: longsAsNumbers(type, shown),
        text: () => toJsonText(shown),
        name: type.fullName.replace(/^\./, ''),
      };
    },
  };
}

// ---- JSON Schema ------------------------------------------------------------------------------

function compileJson({ schema, references }: SchemaWithReferences): CompiledSchema {
  let validate: ValidateFunction | null = null;
  const validator = () => {
    if (validate) return validate;
    const parsed = JSON.parse(schema.schema) as Record<string, unknown>;
    const draft2020 = typeof parsed.$schema === 'string' && /2019-09|2020-12/.test(parsed.$schema);
    const ajv = draft2020
      ? new Ajv2020({ strict: false, allErrors: false })
      : new Ajv({ strict: false, allErrors: false });
    // Referenced schemas by the name the schema imports them with ($ref: "customer.json").
    for (const ref of references) ajv.addSchema(JSON.parse(ref.schema.schema) as object, ref.name);
    return (validate = ajv.compile(parsed));
  };
  return {
    type: 'JSON',
    messages: [],
    encode(value, text) {
      const check = validator();
      // Big integers are checked as numbers (their integer-ness stays); the bytes sent are the text as typed.
      if (!check(mapBigInts(value, Number))) {
        const error = check.errors?.[0];
        const path = (error?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
        throw new SchemaInputError(path, error?.message ?? 'does not match the schema');
      }
      return Buffer.from(text.trim());
    },
    decode(body) {
      const text = body.toString('utf8');
      // Parsed for filters; the text keeps the numbers as written.
      const value = JSON.parse(text) as unknown;
      return { value, text: () => layoutJson(text.trim(), 2), name: null };
    },
  };
}

export function compileSchema(input: SchemaWithReferences): CompiledSchema {
  switch (input.schema.schemaType) {
    case 'AVRO':
      return compileAvro(input);
    case 'PROTOBUF':
      return compileProtobuf(input);
    case 'JSON':
      return compileJson(input);
  }
}
