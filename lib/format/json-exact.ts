/**
 * JSON.parse that keeps integers exact: an integer beyond 2^53 becomes a BigInt instead of a
 * rounded number (JSON.parse reads 12345678901234567890 as 12345678901234567000). Everything else
 * is what JSON.parse gives; errors name the position like JSON.parse's own.
 */
export function parseJsonExact(text: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${pos}`);
  };
  const space = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };
  const value = (depth: number): unknown => {
    if (depth > 512) fail('Nested too deep');
    space();
    const c = text[pos];
    if (c === '{') {
      pos++;
      const out: Record<string, unknown> = {};
      space();
      if (text[pos] === '}') {
        pos++;
        return out;
      }
      for (;;) {
        space();
        if (text[pos] !== '"') fail('Expected a property name');
        const key = string();
        space();
        if (text[pos] !== ':') fail("Expected ':'");
        pos++;
        const v = value(depth + 1);
        if (key === '__proto__')
          Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
        else out[key] = v;
        space();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === '}') {
          pos++;
          return out;
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      const out: unknown[] = [];
      space();
      if (text[pos] === ']') {
        pos++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        space();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        if (text[pos] === ']') {
          pos++;
          return out;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return v;
      }
    }
    return fail(c === undefined ? 'Unexpected end of JSON input' : `Unexpected token '${c}'`);
  };
  const string = (): string => {
    const start = pos;
    pos++;
    let escaped = false;
    while (pos < text.length) {
      const ch = text[pos]!;
      if (ch === '\\') {
        escaped = true;
        pos += 2;
        continue;
      }
      if (ch === '"') {
        pos++;
        const raw = text.slice(start, pos);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (ch.charCodeAt(0) < 0x20) fail('Bad control character in string literal');
      pos++;
    }
    return fail('Unterminated string in JSON');
  };
  const number = (): number | bigint => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) return fail('Invalid number');
    pos += match[0].length;
    const n = Number(match[0]);
    if (match[2] === undefined && match[3] === undefined && !Number.isSafeInteger(n)) return BigInt(match[0]);
    return n;
  };
  const result = value(0);
  space();
  if (pos < text.length) fail(`Unexpected non-whitespace character after JSON`);
  return result;
}
