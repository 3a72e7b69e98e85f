import 'server-only';

/**
 * What one filter may cost. Bounding the size and nesting of a filter does not bound its work: a
 * loop over `value.split("")` runs once per character, so two nested loops cost the square of a
 * message's size, and `map` can build a list of lists as large. The interpreter is metered instead:
 * every turn of a loop, and every character or list element a function or operator reads or builds,
 * is charged to the message being filtered and to the scan (filter-meter.ts has the prices and the
 * hooks in the interpreter; docs/security.md the table). The unit is about 5 ns of work on one core.
 */
export const MAX_RECORD_COST = 2_000_000;
/**
 * A clock checked inside a message's evaluation too, for work the cost model underrates. Generous:
 * the cost bound is reached well before it, and a busy machine should not make a filter fail.
 */
const MAX_RECORD_MS = 200;
/** A scan's whole filter work: about as much as its time bound lets it do at full speed. */
const MAX_SCAN_COST = 20_000_000_000;
/** The clock is read once this many units have been spent, not on every step. */
const CLOCK_EVERY = 4_096;

export type CostLimit = 'message' | 'time' | 'scan';

/** The filter went past one of the limits above; the scan stops and says which. */
export class FilterTooCostlyError extends Error {
  constructor(
    readonly limit: CostLimit,
    /** The bound it went past: cost units, or milliseconds for `time`. */
    readonly bound: number,
    where = 'a message',
  ) {
    super(explain(limit, bound, where));
  }

  /** The same error, naming the message it happened on. */
  at(where: string): FilterTooCostlyError {
    return new FilterTooCostlyError(this.limit, this.bound, where);
  }
}

/** One message's account; a scan reuses one, so metering allocates nothing per message. */
class Meter {
  allowance = 0;
  left = 0;
  nextCheck = 0;
  limit: CostLimit = 'message';
  bound = 0;
  /** 0 until the first clock reading: most messages never spend enough to need the clock at all. */
  deadline = 0;
  sizes: WeakMap<object, number> | null = null;

  reset(allowance: number, limit: CostLimit, bound: number): void {
    this.allowance = this.left = allowance;
    this.nextCheck = Math.max(0, allowance - CLOCK_EVERY);
    this.limit = limit;
    this.bound = bound;
    this.deadline = 0;
    this.sizes = null;
  }

  get spent(): number {
    return this.allowance - this.left;
  }

  /** Called when `left` falls below `nextCheck`: over budget, over time, or the next clock reading. */
  check(): void {
    if (this.left < 0) throw new FilterTooCostlyError(this.limit, this.bound);
    // The clock starts at the first reading, CLOCK_EVERY units (some microseconds) in.
    const now = performance.now();
    if (this.deadline === 0) this.deadline = now + MAX_RECORD_MS;
    else if (now > this.deadline) throw new FilterTooCostlyError('time', MAX_RECORD_MS);
    this.nextCheck = Math.max(0, this.left - CLOCK_EVERY);
  }
}

/** The meter of the evaluation running now: evaluation is synchronous, so there is one at most. */
let active: Meter | null = null;

/** Charges work done outside the interpreter's steps (a regular expression run over a text). */
export function charge(units: number): void {
  const meter = active;
  if (meter !== null && (meter.left -= units) < meter.nextCheck) meter.check();
}

/**
 * Runs `fn(arg)` off the clock: decoding and parsing a message's value are linear, done once per
 * message, and slow only for large messages, so they should not make the filter's time bound fire.
 */
export function untimed<A, T>(fn: (arg: A) => T, arg: A): T {
  const meter = active;
  if (meter === null || meter.deadline === 0) return fn(arg);
  const started = performance.now();
  try {
    return fn(arg);
  } finally {
    meter.deadline += performance.now() - started;
  }
}

/** Top-level size: characters of a string or bytes, elements of a list, entries of a map. */
export function shallowSize(value: unknown): number {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' ? value.length : 0;
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length;
  if (value instanceof Map || value instanceof Set) return value.size;
  return 0;
}

/**
 * Everything in a value, nested lists and maps included: what comparing it with another costs.
 * Sizes of lists and maps are remembered for the message, so a list holding the same list a million
 * times is measured in a million steps, not a million times its size.
 */
export function deepSize(value: unknown): number {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value.length : 1;
  if (value instanceof Uint8Array) return value.length;
  const meter = active;
  const known = meter?.sizes?.get(value);
  if (known !== undefined) return known;
  let size = 1;
  if (Array.isArray(value) || value instanceof Set) for (const v of value) size += deepSize(v);
  else if (value instanceof Map) for (const [k, v] of value) size += deepSize(k) + deepSize(v);
  else if (value.constructor === Object || value.constructor === undefined)
    for (const k in value) size += k.length + deepSize((value as Record<string, unknown>)[k]);
  if (meter) (meter.sizes ??= new WeakMap()).set(value, size);
  return size;
}

/** A scan's account: what its filter has spent over all the messages so far. */
export class ScanBudget {
  spent = 0;
  #meter = new Meter();

  constructor(readonly limit = MAX_SCAN_COST) {}

  /**
   * Runs one message's evaluation under a meter: at most MAX_RECORD_COST units and MAX_RECORD_MS,
   * and no more than the scan has left; past that, throws FilterTooCostlyError.
   */
  run<A, T>(fn: (arg: A) => T, arg: A): T {
    const meter = this.#meter;
    const scanLeft = this.limit - this.spent;
    if (scanLeft < MAX_RECORD_COST) meter.reset(Math.max(0, scanLeft), 'scan', this.limit);
    else meter.reset(MAX_RECORD_COST, 'message', MAX_RECORD_COST);
    active = meter;
    try {
      return fn(arg);
    } finally {
      active = null;
      this.spent += Math.max(0, meter.spent);
    }
  }
}

const fmt = (n: number) => n.toLocaleString('en');

function explain(limit: CostLimit, bound: number, where: string): string {
  const advice =
    'Loops over split("") or over a whole message, and loops inside loops, cost the most: narrow the search with the text field, or loop over fewer elements.';
  if (limit === 'time')
    return `Filter too costly: evaluating it on one message (${where}) took more than ${bound} ms. ${advice}`;
  if (limit === 'scan')
    return `Filter too costly: this scan's filter work passed its limit of ${fmt(bound)} cost units (at ${where}). ${advice}`;
  return `Filter too costly: it needs more than ${fmt(bound)} cost units on one message (${where}); each turn of a loop, and each character or list element a function reads or builds, counts. ${advice}`;
}
