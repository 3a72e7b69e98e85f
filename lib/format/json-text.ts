/**
 * JSON text laid out again, token by token, without parsing it into JavaScript values: numbers keep
 * the digits they were sent with (JSON.parse would round 12345678901234567890 to a double). The
 * layout matches JSON.stringify's: `indent` spaces per level, or one line when it is 0. The text
 * must be valid JSON (check with JSON.parse first).
 */
const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export function layoutJson(text: string, indent: number): string {
  const out: string[] = [];
  const pad = (depth: number) => (indent ? `\n${' '.repeat(indent * depth)}` : '');
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out.push(text.slice(start, i + 1));
    } else if (c === '{' || c === '[') {
      let j = i + 1;
      while (isSpace(text[j])) j++;
      if (text[j] === (c === '{' ? '}' : ']')) {
        out.push(c === '{' ? '{}' : '[]');
        i = j;
      } else {
        depth++;
        out.push(c + pad(depth));
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out.push(pad(depth) + c);
    } else if (c === ',') {
      out.push(',' + pad(depth));
    } else if (c === ':') {
      out.push(indent ? ': ' : ':');
    } else if (!isSpace(c)) {
      out.push(c);
    }
  }
  return out.join('');
}
