import 'server-only';

/**
 * What one filter may cost. Bounding the size and nesting of a filter does not bound its work: a
 * loop over `value.split("")` runs once per character, so two nested loops cost the square of a
 * message's size, and `map` can build a list of lists as large. The interpreter is metered instead:
 * every turn of a loop, and every character or list element a function or operator reads or builds,
 * is charged to the message being filtered and to the scan. The unit is about 5 ns of work on one
 * core; a step (a node of a loop's body, each turn) costs STEP_COST units, an element built costs
 * ELEMENT_COST (it also takes memory). docs/security.md has the whole table.
 */
export const MAX_RECORD_COST = 2_000_000;
/**
 * A clock checked inside a message's evaluation too, for work the cost model underrates. Generous:
 * the cost bound is reached well before it, and a busy machine should not make a filter fail.
 */
export const MAX_RECORD_MS = 200;
/** A scan's whole filter work: about as much as its time bound lets it do at full speed. */
export const MAX_SCAN_COST = 20_000_000_000;
const STEP_COST = 4;
const ELEMENT_COST = 4;
/** Native searches and comparisons go through characters this many times faster than other work. */
const SCAN_RATIO = 8;
/** Joining a list costs this much per element (~40 ns), beyond its characters. */
const JOIN_COST = 8;
/** Finding a function's overload and calling it, beyond the step. */
const CALL_COST = 16;
/** Parsing a timestamp or duration string: a few microseconds. */
const PARSE_COST = 500;
/** A timestamp method given a time zone: Intl formats the date anew each time, ~200 µs. */
const ZONED_COST = 40_000;
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

/** The cost of building a value: its characters, or ELEMENT_COST per element of a list or map. */
function builtCost(value: unknown): number {
  return typeof value === 'string' || value instanceof Uint8Array
    ? value.length
    : shallowSize(value) * ELEMENT_COST;
}

// The interpreter's side, typed loosely: cel-js has no public types for its nodes and evaluator.
interface Node {
  op: string;
  args: unknown;
  meta: { alternate?: Node; macro?: Record<string, unknown>; evaluate: Evaluate };
  handle?: (...args: unknown[]) => unknown;
  evaluate: Evaluate;
}
type Evaluate = (ev: Evaluator, ast: Node, ctx: unknown) => unknown;
interface Evaluator {
  run(ast: Node, ctx: unknown): unknown;
  tryEval(ast: Node, ctx: unknown): unknown;
}

const isNode = (v: unknown): v is Node =>
  typeof v === 'object' &&
  v !== null &&
  'op' in v &&
  'meta' in v &&
  typeof (v as { evaluate?: unknown }).evaluate === 'function';

/** What a function call reads: most read all of their arguments; some much less, or much more. */
function callCost(name: string, values: unknown[]): number {
  if (values[0] instanceof Date && typeof values[1] === 'string') return ZONED_COST;
  switch (name) {
    case 'timestamp':
    case 'duration':
      return typeof values[0] === 'string' ? PARSE_COST + values[0].length : 1;
    case 'size': // constant time, but for strings (counted in code points)
      return typeof values[0] === 'string' ? values[0].length : 1;
    case 'startsWith':
    case 'endsWith':
      return shallowSize(values[1]) / SCAN_RATIO;
    case 'contains':
    case 'indexOf':
    case 'lastIndexOf': // a native search over the characters
      return (shallowSize(values[0]) + shallowSize(values[1])) / SCAN_RATIO;
    case 'join': // the list's strings, which may be one long string many times over
      return deepSize(values[0]) + (JOIN_COST + shallowSize(values[1])) * shallowSize(values[0]);
    default: {
      let cost = 0;
      for (const v of values) cost += shallowSize(v);
      return cost;
    }
  }
}

/** What a binary operator reads before it runs; `+` also builds its result (charged as built). */
function operatorCost(op: string, left: unknown, right: unknown): number {
  switch (op) {
    case '==':
    case '!=': // deep comparison stops at the smaller side
      if (typeof left === 'string' && typeof right === 'string')
        return Math.min(left.length, right.length) / SCAN_RATIO;
      return Math.min(deepSize(left), deepSize(right)) * ELEMENT_COST;
    case 'in': // a list is compared element by element; a map is looked up
      return Array.isArray(right) ? deepSize(right) * ELEMENT_COST : shallowSize(left) + 1;
    case '+':
      return builtCost(left) + builtCost(right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return Math.min(shallowSize(left), shallowSize(right)) / SCAN_RATIO;
    default:
      return 0;
  }
}

const BINARY = new Set(['==', '!=', 'in', '+', '<', '<=', '>', '>=']);

/**
 * Charges function calls and operators for what they read before they run, so a call that would
 * build a huge value (joining a list that holds a long string a million times) is refused before
 * it starts, and for what they built after.
 */
function meterHandles(node: Node): void {
  const handle = node.handle;
  if (!handle) return;
  if (node.op === 'call' || node.op === 'rcall') {
    const name = (node.args as [string])[0];
    // (values, ast, ev) for call, (values, ev, ast) for rcall: passed on as they come.
    node.handle = (values: unknown, b: unknown, c: unknown) => {
      charge(CALL_COST + callCost(name, values as unknown[]));
      const result = handle(values, b, c);
      charge(builtCost(result));
      return result;
    };
  } else if (BINARY.has(node.op)) {
    const op = node.op;
    node.handle = (left: unknown, right: unknown, ast: unknown, ev: unknown) => {
      charge(operatorCost(op, left, right));
      return handle(left, right, ast, ev);
    };
  }
}

function walk(value: unknown, seen: Set<unknown>, visit: (node: Node) => void): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) walk(v, seen, visit);
    return;
  }
  if (isNode(value)) {
    visit(value);
    walk(value.args, seen, visit);
    walk(value.meta.alternate, seen, visit);
    walk(value.meta.macro, seen, visit);
    return;
  }
  if (Object.getPrototypeOf(value) === Object.prototype)
    for (const v of Object.values(value)) walk(v, seen, visit);
}

/**
 * The steps one turn of a loop's body takes at most: its nodes, leaving out the bodies of loops inside
 * it, which charge for their own turns. Only loops multiply steps (without them, an expression takes
 * as many steps as it has nodes, at most 1,000), so a turn is charged at once, and the interpreter's
 * other nodes run as fast as they would unmetered.
 */
function turnSteps(value: unknown, seen: Set<unknown>): number {
  if (typeof value !== 'object' || value === null || seen.has(value)) return 0;
  seen.add(value);
  let steps = 0;
  if (Array.isArray(value)) for (const v of value) steps += turnSteps(v, seen);
  else if (isNode(value)) {
    const { alternate, macro } = value.meta;
    if (value.op === 'comprehension') {
      const { iterable, init } = value.args as { iterable: unknown; init: unknown };
      steps = 1 + turnSteps(iterable, seen) + turnSteps(init, seen);
    } else if (alternate) steps = 1 + turnSteps(alternate, seen);
    else if (macro) steps = 1 + turnSteps(macro, seen);
    else steps = 1 + turnSteps(value.args, seen);
  } else if (Object.getPrototypeOf(value) === Object.prototype)
    for (const v of Object.values(value)) steps += turnSteps(v, seen);
  return steps;
}

function meterLoop(node: Node): void {
  if (node.op !== 'comprehension') return;
  const step = (node.args as { step: Node }).step;
  const cost = STEP_COST * Math.max(1, turnSteps(step, new Set()));
  const evaluate = ownEvaluate(step);
  step.evaluate = (ev, ast, ctx) => {
    charge(cost);
    return evaluate(ev, ast, ctx);
  };
}

const metered = new WeakSet<Evaluator>();

/**
 * `tryEval` turns errors into values for `||`, `&&` and the quantifiers: it lets the cost error
 * through, or a quantifier would go on looping over its list after the budget ran out.
 */
function meterEvaluator(ev: Evaluator): void {
  if (metered.has(ev)) return;
  metered.add(ev);
  ev.tryEval = function tryEval(ast, ctx) {
    try {
      const result = this.run(ast, ctx);
      return result instanceof Promise ? result.catch((error: unknown) => error) : result;
    } catch (error) {
      if (error instanceof FilterTooCostlyError) throw error;
      return error;
    }
  };
}

/** How the interpreter would evaluate `node` itself (it replaces its own `evaluate` on first use). */
function ownEvaluate(node: Node): Evaluate {
  const { alternate, macro } = node.meta;
  if (alternate) return (ev, _ast, ctx) => alternate.evaluate(ev, alternate, ctx);
  if (macro) {
    const m = macro as unknown as { evaluate: Evaluate };
    return (ev, _ast, ctx) => m.evaluate(ev, m as unknown as Node, ctx);
  }
  return (ev, ast, ctx) => node.meta.evaluate(ev, ast, ctx);
}

/**
 * Meters a parsed and type-checked expression: call after `check()`, which sets the handlers this
 * wraps. The evaluator is reached through the root node, the one place it is handed over.
 */
export function meterProgram(root: unknown): void {
  if (!isNode(root)) throw new Error('not a cel-js syntax tree');
  walk(root, new Set(), (node) => {
    meterHandles(node);
    meterLoop(node);
  });
  const evaluate = ownEvaluate(root);
  root.evaluate = (ev, ast, ctx) => {
    meterEvaluator(ev);
    return evaluate(ev, ast, ctx);
  };
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
  return `Filter too costly: it needs more than ${fmt(bound)} cost units on one message (${where}); each step of the expression, and each character or list element a function reads or builds, counts. ${advice}`;
}
