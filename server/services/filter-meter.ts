import 'server-only';
import { charge, deepSize, FilterTooCostlyError, shallowSize } from '@/server/services/filter-budget';

/**
 * The interpreter's side of filter-budget.ts: what each thing a filter does costs, and the hooks in
 * cel-js that charge it (docs/security.md has the table). A step is a node of a loop's body, each turn.
 */
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
