import 'server-only';
import type { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import { charge } from '@/server/services/filter-budget';

/**
 * `string.matches(pattern)` for filters, run by RE2 (re2js) instead of JavaScript's backtracking
 * RegExp: a pattern such as `^(a+)+$` takes exponential time in RegExp and would hold the server's
 * one thread for as long as it likes; RE2 takes time linear in the text. RE2 syntax is also what
 * the CEL specification names for `matches`. What RE2 cannot do in linear time (backreferences,
 * lookahead, lookbehind) is refused with a message that says so.
 */
export const MAX_PATTERN_LENGTH = 500;
/**
 * RE2's own measure of a pattern's cost (instructions). When a pattern's automaton grows too
 * large to cache, matching costs up to this much per character (a few seconds for a megabyte at
 * 300), so counted repetitions are bounded: `[a-z]{1000}` is refused, while an e-mail address or
 * a UUID pattern costs about 40.
 */
const MAX_PROGRAM_SIZE = 300;
const CACHE_SIZE = 64;

export class PatternError extends Error {}

const cache = new Map<string, RE2JS | PatternError>();

function explain(pattern: string, error: unknown): string {
  const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
  if (/\(\?<?[=!]/.test(pattern))
    return 'lookahead and lookbehind ((?=…), (?!…), (?<=…), (?<!…)) are not supported';
  if (/\\[1-9]/.test(pattern) && /escape/.test(detail)) return 'backreferences (\\1 …) are not supported';
  return `invalid pattern: ${detail}`;
}

function compile(pattern: string): RE2JS | PatternError {
  const refuse = (reason: string) =>
    new PatternError(`matches(): ${reason}. Patterns use RE2 syntax, which always runs in linear time`);
  if (pattern.length > MAX_PATTERN_LENGTH)
    return refuse(`the pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (error) {
    return refuse(explain(pattern, error));
  }
  if (re.programSize() > MAX_PROGRAM_SIZE)
    return refuse(`the pattern is too large (counted repetitions such as {1000} make it so)`);
  return re;
}

/** The compiled pattern, or a PatternError saying why not; a few recent ones are kept (LRU). */
function regexFor(pattern: string): RE2JS {
  let entry = cache.get(pattern);
  if (entry) {
    cache.delete(pattern);
  } else {
    entry = compile(pattern);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(pattern, entry);
  if (entry instanceof PatternError) throw entry;
  return entry;
}

/** Whether `pattern` matches somewhere in `text` (anchor with ^ and $ for the whole text), as CEL says. */
export function re2Matches(text: string, pattern: string): boolean {
  return regexFor(pattern).test(text);
}

// The interpreter's side of it, typed loosely: cel-js has no public types for macros.
interface Node {
  op: string;
  args: unknown;
}
interface TypeDecl {
  name: string;
  kind: string;
}
interface Checker {
  check(node: Node, ctx: unknown): TypeDecl;
  getType(name: string): TypeDecl;
  createError(code: string, message: string, node: Node): Error;
}
interface Runner {
  run(node: Node, ctx: unknown): unknown;
  createError(code: string, message: string, node: Node): Error;
}
interface MatchesCall {
  ast: Node;
  receiver: Node;
  pattern: Node;
}

const accepts = (type: TypeDecl) => type.name === 'string' || type.kind === 'dyn';

function typeCheck(chk: Checker, call: MatchesCall, ctx: unknown): TypeDecl {
  const receiver = chk.check(call.receiver, ctx);
  const pattern = chk.check(call.pattern, ctx);
  if (!accepts(receiver) || !accepts(pattern))
    throw chk.createError(
      'no_matching_overload',
      `found no matching overload for '${receiver.name}.matches(${pattern.name})'`,
      call.ast,
    );
  // A pattern written in the filter is compiled now, so a bad one is refused before any scan.
  if (call.pattern.op === 'value' && typeof call.pattern.args === 'string') {
    try {
      regexFor(call.pattern.args);
    } catch (error) {
      throw chk.createError('invalid_regular_expression', (error as Error).message, call.pattern);
    }
  }
  return chk.getType('bool');
}

function evaluate(ev: Runner, call: MatchesCall, ctx: unknown): boolean {
  const text = ev.run(call.receiver, ctx);
  const pattern = ev.run(call.pattern, ctx);
  if (typeof text !== 'string' || typeof pattern !== 'string')
    throw ev.createError('no_matching_overload', 'matches() needs a string and a string pattern', call.ast);
  let re: RE2JS;
  try {
    re = regexFor(pattern);
  } catch (error) {
    throw ev.createError('invalid_regular_expression', (error as Error).message, call.pattern);
  }
  // RE2 is linear in the text, but each character may cost up to the program's size in steps.
  charge(text.length * Math.ceil(re.programSize() / 8));
  return re.test(text);
}

/**
 * Replaces the library's `matches` in `env`. cel-js lets no function be removed or redefined, but
 * macros are looked up by name, arity and having a receiver before any function, whatever the
 * receiver's type (CEL macros are syntactic): a `matches` macro declared on a receiver type that
 * has no `matches` function registers without a clash and takes over every `x.matches(p)` call,
 * so none reaches RegExp.
 */
export function withRe2Matches(env: Environment): Environment {
  return env.registerFunction(
    'bytes.matches(ast): bool',
    ({ ast, receiver, args }: { ast: Node; receiver: Node; args: Node[] }) => ({
      ast,
      receiver,
      pattern: args[0]!,
      typeCheck,
      evaluate,
      async: false,
    }),
    {
      async: false,
      description: 'Whether the string contains a match of the RE2 pattern (^ and $ anchor the whole string)',
    },
  );
}
