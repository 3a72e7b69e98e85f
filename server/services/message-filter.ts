import 'server-only';
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { AppError } from '@/server/http/app-error';
import type { FetchedRecord } from '@/server/kafka';
import { FilterTooCostlyError, ScanBudget, untimed } from '@/server/services/filter-budget';
import { meterProgram } from '@/server/services/filter-meter';
import { wireSchemaId, type RecordSchemas } from '@/server/services/record-schemas';
import { mayMatch, requirements } from '@/server/services/filter-prefilter';
import { withRe2Matches } from '@/server/services/filter-regex';

/**
 * Filters for search and tail. `q` is plain text; `filter` is CEL, evaluated by an interpreter:
 * user input is never handed to eval, new Function or node:vm.
 */
export interface RecordFilter {
  (partition: number, record: FetchedRecord): boolean;
}

const utf8 = (buffer: Buffer | null | undefined) => (buffer ? buffer.toString('utf8') : '');
const UNSET = Symbol('unset');
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

/**
 * The variables of one record, each computed when the expression first reads it: a filter on
 * `json.status` never decodes the key, and `partition == 2` never parses JSON or makes BigInts
 * for offsets. The interpreter reads variables as properties, so getters are enough.
 */
class RecordVariables {
  #partition: number;
  #record: FetchedRecord;
  #schemas: RecordSchemas | undefined;
  #key: string | undefined;
  #value: string | undefined;
  #headers: Record<string, string> | undefined;
  #json: unknown = UNSET;

  constructor(partition: number, record: FetchedRecord, schemas?: RecordSchemas) {
    this.#partition = partition;
    this.#record = record;
    this.#schemas = schemas;
  }

  /** A key or value in the registry's wire format, decoded (its JSON text), else the bytes as UTF-8. */
  #text(which: 'key' | 'value'): string {
    const decoded = this.#schemas?.decode(this.#record[which], which);
    return decoded?.text ?? utf8(this.#record[which]);
  }

  // Decoded once per message, however often a loop reads them, and off the filter's clock.
  get key(): string {
    return (this.#key ??= untimed((which: 'key' | 'value') => this.#text(which), 'key'));
  }

  get value(): string {
    return (this.#value ??= untimed((which: 'key' | 'value') => this.#text(which), 'value'));
  }

  /** The first value of each header name. */
  get headers(): Record<string, string> {
    if (this.#headers) return this.#headers;
    const out: Record<string, string> = {};
    for (const h of this.#record.headers) if (!(h.key in out)) out[h.key] = utf8(h.value);
    return (this.#headers = out);
  }

  get partition(): bigint {
    return BigInt(this.#partition);
  }

  get offset(): bigint {
    return BigInt(this.#record.offset);
  }

  get timestamp(): bigint {
    return BigInt(this.#record.timestamp);
  }

  get size(): bigint {
    return BigInt((this.#record.value?.length ?? 0) + (this.#record.key?.length ?? 0));
  }

  /** How the message's transaction ended (committed, aborted, open, unknown), or "none" outside one. */
  get transaction(): string {
    return this.#record.transaction ?? 'none';
  }

  /** The parsed value, or null when it is not JSON; a value in the registry's wire format is the decoded record. */
  get json(): unknown {
    if (this.#json !== UNSET) return this.#json;
    const decoded = this.#schemas?.decode(this.#record.value, 'value');
    if (decoded) this.#json = decoded.error === null ? decoded.value : null;
    else this.#json = untimed(parseJson, this.value);
    return this.#json;
  }
}

/**
 * Plain text in key, value or any header value, looked for in the raw bytes: for UTF-8 text,
 * containing the needle's bytes is the same as containing the needle once decoded, and no
 * record is decoded. A needle that cannot round-trip through UTF-8 falls back to decoding.
 */
function textMatcher(needle: string, schemas?: RecordSchemas): (record: FetchedRecord) => boolean {
  const bytes = Buffer.from(needle);
  const has =
    bytes.toString('utf8') === needle && !needle.includes('\uFFFD')
      ? (b: Buffer | null) => b !== null && b.indexOf(bytes) >= 0
      : (b: Buffer | null) => utf8(b).includes(needle);
  const raw = (record: FetchedRecord) =>
    has(record.key) || has(record.value) || record.headers.some((h) => has(h.value));
  if (!schemas || schemas.idle) return raw;
  // A record in the registry's wire format is also looked for in its decoded form (numbers, enum
  // symbols and field names are not in its bytes as text).
  const decoded = (record: FetchedRecord, which: 'key' | 'value') =>
    schemas.decode(record[which], which)?.text?.includes(needle) ?? false;
  return (record) => raw(record) || decoded(record, 'value') || decoded(record, 'key');
}

/** Filters are short; a longer one is refused before it is parsed. */
export const MAX_FILTER_LENGTH = 2_000;
/**
 * Macros that loop (all, exists, exists_one, map, filter) or bind a value (cel.bind): nested in one
 * another, their cost multiplies (a list looped over inside a loop over itself is quadratic), so
 * they may be nested this deep and no deeper.
 */
const MAX_MACRO_NESTING = 2;
const LOOPING = new Set(['all', 'exists', 'exists_one', 'map', 'filter', 'bind']);

// Declared variables: a typo or a non-boolean filter is refused before the scan starts. The parse
// limits bound what one filter can build (literal lists and maps, depth, size).
const environment = withRe2Matches(
  new Environment({
    limits: {
      maxAstNodes: 1_000,
      maxDepth: 32,
      maxListElements: 256,
      maxMapEntries: 256,
      maxCallArguments: 8,
    },
  }),
)
  .registerVariable('key', 'string')
  .registerVariable('value', 'string')
  .registerVariable('headers', 'map<string, string>')
  .registerVariable('partition', 'int')
  .registerVariable('offset', 'int')
  .registerVariable('timestamp', 'int')
  .registerVariable('size', 'int')
  .registerVariable('transaction', 'string')
  .registerVariable('json', 'dyn');

/** The deepest nesting of looping macros in the syntax tree (as parsed, before macro expansion). */
function macroNesting(node: unknown): number {
  if (Array.isArray(node)) return Math.max(0, ...node.map(macroNesting));
  if (!node || typeof node !== 'object' || !('op' in node)) return 0;
  const { op, args } = node as ASTNode;
  const inner = macroNesting(args);
  const looping = (op === 'rcall' || op === 'call') && Array.isArray(args) && LOOPING.has(args[0] as string);
  return inner + (looping ? 1 : 0);
}

function compileExpression(filter: string, schemas?: RecordSchemas): RecordFilter {
  if (filter.length > MAX_FILTER_LENGTH)
    throw new AppError(
      'validation_failed',
      `Filter: longer than ${MAX_FILTER_LENGTH.toLocaleString('en')} characters`,
    );
  try {
    const program = environment.parse(filter);
    if (macroNesting(program.ast) > MAX_MACRO_NESTING)
      throw new Error(
        `all, exists, exists_one, map, filter and cel.bind may be nested ${MAX_MACRO_NESTING} deep at most`,
      );
    const checked = program.check();
    if (!checked.valid) throw checked.error ?? new Error('invalid expression');
    if (checked.type !== 'bool' && checked.type !== 'dyn')
      throw new Error(`the expression gives a ${checked.type}, not true or false`);
    const needed = requirements(program.ast);
    meterProgram(program.ast);
    // One budget per compiled filter, and a filter is compiled for each scan.
    const budget = new ScanBudget();
    // The byte prefilter reads raw bytes: it cannot rule out a record whose key or value is decoded
    // from the wire format first (enum symbols, field names and dates are not in those bytes).
    const decodes = (record: FetchedRecord) =>
      schemas !== undefined &&
      !schemas.idle &&
      (wireSchemaId(record.value) !== null || wireSchemaId(record.key) !== null);
    return (partition, record) => {
      if (needed.length && !decodes(record) && !mayMatch(needed, record)) return false;
      try {
        return budget.run(program, new RecordVariables(partition, record, schemas)) === true;
      } catch (error) {
        if (error instanceof FilterTooCostlyError)
          throw error.at(`partition ${partition}, offset ${record.offset}`);
        return false; // a field missing in this message: it does not match
      }
    };
  } catch (error) {
    throw new AppError('validation_failed', `Filter: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** With `schemas` (prepared for each batch), keys and values in the registry's wire format are filtered decoded. */
export function compileFilter(q: string, filter: string, schemas?: RecordSchemas): RecordFilter {
  const needle = q.trim();
  const text = needle ? textMatcher(needle, schemas) : null;
  const expression = filter.trim() ? compileExpression(filter, schemas) : null;
  if (!expression) return text ? (_, record) => text(record) : () => true;
  return text ? (partition, record) => text(record) && expression(partition, record) : expression;
}
