import 'server-only';
import type { ASTNode } from '@marcbachmann/cel-js';

/**
 * Text a record's raw bytes must contain for a CEL filter to be true, read from the filter's
 * syntax tree, so most records of a scan are turned down by a byte search (memchr-fast) instead
 * of UTF-8 decoding, JSON parsing and interpreting. Only conditions that are necessary are
 * collected: a record that passes is still evaluated in full, so results are exactly the
 * interpreter's.
 */
export interface Requirement {
  field: 'key' | 'value';
  bytes: Buffer;
  /**
   * Found in parsed JSON: the JSON text may spell the string with escapes (`\u0063`), so a raw
   * value holding a backslash cannot be ruled out.
   */
  orEscaped: boolean;
}

/** Conditions that `a && b` needs: those of a and those of b (false && error is false in CEL). */
function conjuncts(node: ASTNode): ASTNode[] {
  return node.op === '&&' ? [...conjuncts(node.args[0]), ...conjuncts(node.args[1])] : [node];
}

const stringLiteral = (node: ASTNode): string | null =>
  node.op === 'value' && typeof node.args === 'string' && node.args !== '' ? node.args : null;

/** `key`, `value`, or a path into `json` (json.a.b, json["a"][0]): what a string comes from. */
function source(node: ASTNode): 'key' | 'value' | 'json' | null {
  let n = node;
  while (n.op === '.' || n.op === '[]') n = n.args[0];
  if (n.op !== 'id') return null;
  if (n.args === 'json') return 'json';
  if (n === node && (n.args === 'key' || n.args === 'value')) return n.args;
  return null;
}

// JSON always escapes quotes, backslashes and control characters: such a literal could only
// appear escaped, so it is not looked for.
const ALWAYS_ESCAPED = /["\\\u0000-\u001f]/;

function requirement(from: ReturnType<typeof source>, text: string | null): Requirement | null {
  if (!from || text === null) return null;
  if (from === 'json') {
    if (ALWAYS_ESCAPED.test(text)) return null;
    return { field: 'value', bytes: Buffer.from(text), orEscaped: true };
  }
  return { field: from, bytes: Buffer.from(text), orEscaped: false };
}

const CONTAINING = new Set(['contains', 'startsWith', 'endsWith']);

export function requirements(ast: ASTNode): Requirement[] {
  const found: Requirement[] = [];
  for (const node of conjuncts(ast)) {
    let r: Requirement | null = null;
    if (node.op === '==') {
      const [left, right] = node.args;
      r = requirement(source(left), stringLiteral(right)) ?? requirement(source(right), stringLiteral(left));
    } else if (node.op === 'rcall' && CONTAINING.has(node.args[0]) && node.args[2].length === 1) {
      r = requirement(source(node.args[1]), stringLiteral(node.args[2][0]!));
    }
    if (r) found.push(r);
  }
  return found;
}

const BACKSLASH = 0x5c;

/** Whether the record may satisfy every requirement; false means the filter is surely not true. */
export function mayMatch(
  requirementList: Requirement[],
  record: { key: Buffer | null; value: Buffer | null },
): boolean {
  for (const r of requirementList) {
    const raw = record[r.field];
    if (!raw) return false;
    if (raw.indexOf(r.bytes) < 0 && !(r.orEscaped && raw.indexOf(BACKSLASH) >= 0)) return false;
  }
  return true;
}
