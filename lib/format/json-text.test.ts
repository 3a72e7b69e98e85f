import { describe, expect, it } from 'vitest';
import { layoutJson } from '@/lib/format/json-text';

const samples = [
  '{"a":1,"b":[true,false,null],"c":{"d":"x"}}',
  '  [ 1 , 2 ,\n\t3 ]  ',
  '{"empty":{},"list":[],"spaced":{ },"nested":[[],[{}]]}',
  '{"quote":"say \\"hi\\", {not: a brace}","slash":"a\\\\","unicode":"é","colon":"a: b, c"}',
  '"just a string"',
  '-12.5e3',
  '{"deep":{"deeper":{"deepest":[1,{"x":[2]}]}}}',
];

describe('layoutJson', () => {
  it.each(samples)('lays out like JSON.stringify, indented and on one line: %s', (text) => {
    expect(layoutJson(text, 2)).toBe(JSON.stringify(JSON.parse(text), null, 2).replace('-12500', '-12.5e3'));
    expect(layoutJson(text, 0)).toBe(JSON.stringify(JSON.parse(text)).replace('-12500', '-12.5e3'));
  });

  it('leaves strings as they were written, escapes included', () => {
    expect(layoutJson('{ "e" : "\\u00e9 é" }', 0)).toBe('{"e":"\\u00e9 é"}');
  });

  it('keeps every digit of numbers a double cannot hold', () => {
    const text = '{"id": 12345678901234567890, "small": 0.1, "neg": -9223372036854775808}';
    expect(layoutJson(text, 0)).toBe('{"id":12345678901234567890,"small":0.1,"neg":-9223372036854775808}');
  });
});
