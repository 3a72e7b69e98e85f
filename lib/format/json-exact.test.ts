import { describe, expect, it } from 'vitest';
import { parseJsonExact } from '@/lib/format/json-exact';

describe('parseJsonExact', () => {
  it('reads what JSON.parse reads', () => {
    for (const text of [
      '{"a":[1,2.5,-3e2,"x\\n\\u00e9",true,false,null],"b":{}}',
      '[]',
      '"s"',
      '0',
      ' -0.25 ',
    ]) {
      expect(parseJsonExact(text)).toEqual(JSON.parse(text));
    }
  });

  it('keeps integers beyond 2^53 exact as BigInt, and safe ones as numbers', () => {
    expect(
      parseJsonExact('{"big": 12345678901234567890, "neg": -9007199254740993, "ok": 9007199254740991}'),
    ).toEqual({
      big: 12345678901234567890n,
      neg: -9007199254740993n,
      ok: 9007199254740991,
    });
  });

  it('refuses what JSON.parse refuses, naming the position', () => {
    for (const text of ['{', '{"a" 1}', '[1,]', '01', 'nul', '"a', '{} x', ''])
      expect(() => parseJsonExact(text)).toThrow(SyntaxError);
    expect(() => parseJsonExact('{"a": x}')).toThrow(/position 6/);
  });

  it('keeps __proto__ as a plain key', () => {
    const parsed = parseJsonExact('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
