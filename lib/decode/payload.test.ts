import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToHex,
  compactJson,
  decodePayload,
  oneLine,
  decodeShown,
  showsSchema,
} from '@/lib/decode/payload';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64bytes = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('decodePayload', () => {
  it('shows null keys and values as null', () => {
    expect(decodePayload(null, 'auto')).toEqual({ text: 'null', as: 'null' });
    expect(decodePayload(null, 'hex').as).toBe('null');
  });

  it('auto: pretty-prints valid JSON', () => {
    expect(decodePayload(b64('{"a":1,"b":[true]}'), 'auto')).toEqual({
      text: '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}',
      as: 'json',
    });
  });

  it('auto: keeps printable UTF-8 text, also when it is almost JSON', () => {
    expect(decodePayload(b64('héllo wörld ✓'), 'auto')).toEqual({ text: 'héllo wörld ✓', as: 'text' });
    expect(decodePayload(b64('{"a":'), 'auto')).toEqual({ text: '{"a":', as: 'text' });
    expect(decodePayload(b64('line 1\n\tline 2'), 'auto').as).toBe('text');
  });

  it('auto: falls back to hex for binary or invalid UTF-8', () => {
    expect(decodePayload(b64bytes([0x00, 0x01, 0xff]), 'auto')).toEqual({ text: '00 01 ff', as: 'hex' });
    expect(decodePayload(b64bytes([0x41, 0x00, 0x42]), 'auto')).toEqual({ text: '41 00 42', as: 'hex' });
  });

  it('auto: an empty payload is empty text, not JSON', () => {
    expect(decodePayload('', 'auto')).toEqual({ text: '', as: 'text' });
  });

  it('text: decodes UTF-8, and says so when it is not', () => {
    expect(decodePayload(b64('{"a":1}'), 'text')).toEqual({ text: '{"a":1}', as: 'text' });
    const invalid = decodePayload(b64bytes([0xc3, 0x28]), 'text');
    expect(invalid.as).toBe('hex');
    expect(invalid.text).toBe('c3 28');
    expect(invalid.error).toMatch(/UTF-8/);
  });

  it('json: pretty-prints, and reports invalid JSON', () => {
    expect(decodePayload(b64(' [1, 2] '), 'json').text).toBe('[\n  1,\n  2\n]');
    const invalid = decodePayload(b64('not json'), 'json');
    expect(invalid).toEqual({ text: 'not json', as: 'text', error: 'Not valid JSON: shown as text' });
  });

  it('json and auto keep every digit of numbers a double cannot hold', () => {
    const text = '{"id": 12345678901234567890, "small": 0.1, "neg": -9223372036854775808}';
    const decoded = decodePayload(b64(text), 'auto');
    expect(decoded.as).toBe('json');
    expect(decoded.text).toContain('"id": 12345678901234567890');
    expect(oneLine(decoded)).toBe('{"id":12345678901234567890,"small":0.1,"neg":-9223372036854775808}');
  });

  it('hex and base64 show the bytes as they are', () => {
    expect(decodePayload(b64('AB'), 'hex')).toEqual({ text: '41 42', as: 'hex' });
    expect(decodePayload(b64('AB'), 'base64')).toEqual({ text: 'QUI=', as: 'base64' });
  });
});

describe('helpers', () => {
  it('converts base64 to bytes and hex', () => {
    expect(Array.from(base64ToBytes('AAH/'))).toEqual([0, 1, 255]);
    expect(bytesToHex(new Uint8Array([10, 255]))).toBe('0a ff');
  });

  it('compacts JSON only', () => {
    expect(compactJson(decodePayload(b64('{ "a": [1, 2] }'), 'json'))).toBe('{"a":[1,2]}');
    expect(compactJson(decodePayload(b64('a\nb'), 'text'))).toBeNull();
    expect(compactJson(decodePayload(b64('{"a":'), 'json'))).toBeNull();
  });

  it('folds decoded text onto one line', () => {
    expect(oneLine(decodePayload(b64('{"a": {"b": 1}}'), 'auto'))).toBe('{"a":{"b":1}}');
    expect(oneLine({ text: 'a\n  b\r\nc', as: 'text' })).toBe('a b c');
  });
});

describe('decodeShown', () => {
  const bytes = Buffer.from([0, 1, 0xfe, 0xff, 0x7f, 0x10]);
  const schema = (json: string | null, error: string | null) => ({
    format: json === null ? null : ('avro' as const),
    id: 33_488_767,
    subject: null,
    version: null,
    name: null,
    json,
    truncated: false,
    error,
  });
  const payload = (s: ReturnType<typeof schema>) => ({
    base64: bytes.toString('base64'),
    size: 6,
    truncated: false,
    schema: s,
  });

  it('shows what the server decoded with a schema, for auto and the schema decoders', () => {
    const decoded = decodeShown(payload(schema('{"a": 1}', null)), 'auto');
    expect(decoded).toMatchObject({ text: '{"a": 1}', as: 'avro' });
    expect(showsSchema(decoded, 'auto')).toBe(true);
  });

  it('reads bytes that only start like the wire format as auto reads any bytes, with the reason beside them', () => {
    const decoded = decodeShown(
      payload(schema(null, 'schema id 33488767 is not in the schema registry')),
      'auto',
    );
    expect(decoded).toMatchObject({ text: '00 01 fe ff 7f 10', as: 'hex' });
    expect(decoded.error).toBe('Not decoded with a schema: schema id 33488767 is not in the schema registry');
    expect(showsSchema(decoded, 'auto')).toBe(false);
    // Asked for Avro explicitly, the failure is the answer and shows as such.
    const explicit = decodeShown(
      payload(schema(null, 'schema id 33488767 is not in the schema registry')),
      'avro',
    );
    expect(explicit.error).toMatch(/not in the schema registry: shown as hex/);
    expect(showsSchema(explicit, 'avro')).toBe(true);
  });
});
