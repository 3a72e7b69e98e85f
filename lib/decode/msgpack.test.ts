import { encode, EXT_TIMESTAMP } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { decodePayload, oneLine } from '@/lib/decode/payload';
import { toExportRow } from '@/lib/export/messages';

const b64 = (bytes: Uint8Array | number[]) => Buffer.from(bytes).toString('base64');

describe('the MessagePack decoder', () => {
  it('reads the msgpack.org example, written out by hand', () => {
    // {"compact": true, "schema": 0}
    const bytes = [0x82, 0xa7, ...Buffer.from('compact'), 0xc3, 0xa6, ...Buffer.from('schema'), 0x00];
    const decoded = decodePayload(b64(bytes), 'msgpack');
    expect(decoded).toMatchObject({ as: 'msgpack', text: '{\n  "compact": true,\n  "schema": 0\n}' });
    expect(oneLine(decoded)).toBe('{"compact":true,"schema":0}');
  });

  it('keeps every digit of a 64-bit integer, shows binary as hex and timestamps as ISO 8601', () => {
    // uint64 2^64-1 and int64 -2^63: beyond what a JavaScript number holds exactly.
    const big = [0x92, 0xcf, ...Array(8).fill(0xff), 0xd3, 0x80, ...Array(7).fill(0x00)];
    expect(oneLine(decodePayload(b64(big), 'msgpack'))).toBe('[18446744073709551615,-9223372036854775808]');

    const when = new Date(Date.UTC(2024, 4, 1, 14, 3, 27, 5));
    const value = encode({ id: 7, blob: new Uint8Array([0, 1, 0xfe]), at: when, tags: ['a', null] });
    expect(JSON.parse(oneLine(decodePayload(b64(value), 'msgpack')))).toEqual({
      id: 7,
      blob: '<bin 00 01 fe>',
      at: '2024-05-01T14:03:27.005Z',
      tags: ['a', null],
    });
    // The timestamp extension type (-1) is what `at` was written as.
    expect(EXT_TIMESTAMP).toBe(-1);
  });

  it('a string that looks like a marked number stays a string', () => {
    const value = encode(['\u0000abc:12', 5]);
    expect(oneLine(decodePayload(b64(value), 'msgpack'))).toBe('["\\u0000abc:12",5]');
  });

  it('refuses bytes that are not exactly one value, and shows them as hex', () => {
    expect(decodePayload(b64([0x92, 0x01]), 'msgpack')).toEqual({
      text: '92 01',
      as: 'hex',
      error: 'Not valid MessagePack: shown as hex',
    });
    expect(decodePayload(b64([0x01, 0x02]), 'msgpack').as).toBe('hex'); // trailing byte
    // Never guessed: auto reads the same bytes as something else.
    expect(decodePayload(b64([0x82, 0xa1, 0x61, 0x01, 0xa1, 0x62, 0x02]), 'auto').as).not.toBe('msgpack');
  });

  it('exports MessagePack values as one-line JSON', () => {
    const message = {
      partition: 0,
      offset: 1,
      timestamp: 0,
      key: { base64: null, size: 0, truncated: false },
      value: { base64: b64(encode({ n: 1 })), size: 4, truncated: false },
      headers: [],
      compression: 'none' as const,
      transaction: null,
    };
    expect(toExportRow(message, 'auto', 'msgpack').value).toBe('{"n":1}');
  });
});
