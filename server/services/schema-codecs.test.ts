import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import type { RegisteredSchema } from '@/server/schema-registry';
import {
  compileSchema,
  decimalBytes,
  decimalText,
  messageIndexBytes,
  readMessageIndexes,
  toJsonText,
} from '@/server/services/schema-codecs';

const schema = (schemaType: RegisteredSchema['schemaType'], text: string, id = 1): RegisteredSchema => ({
  id,
  schemaType,
  schema: text,
  references: [],
});

describe('decimals', () => {
  it('read and write two’s-complement bytes exactly, negatives and big values included', () => {
    for (const [text, scale] of [
      ['123.45', 2],
      ['-7.05', 2],
      ['0.00', 2],
      ['-0.01', 2],
      ['99999999999999999999.9999', 4],
      ['-128', 0],
      ['127', 0],
      ['128', 0],
    ] as const) {
      expect(decimalText(decimalBytes(text, scale)!, scale)).toBe(text);
    }
    expect(decimalBytes('-7.05', 2)!.toString('hex')).toBe('fd3f');
    expect(decimalBytes('1.234', 2)).toBeUndefined(); // would lose a digit
    expect(decimalBytes('abc', 2)).toBeUndefined();
  });
});

describe('Protobuf message indexes', () => {
  it('write [0] as one 0 byte and others as a zigzag count and indexes, and read them back', () => {
    expect(messageIndexBytes([0])).toEqual(Buffer.from([0]));
    expect(messageIndexBytes([1])).toEqual(Buffer.from([2, 2]));
    expect(messageIndexBytes([1, 0])).toEqual(Buffer.from([4, 2, 0]));
    for (const indexes of [[0], [1], [3, 1, 70], [200]]) {
      const bytes = Buffer.concat([messageIndexBytes(indexes), Buffer.from([0xff])]);
      expect(readMessageIndexes(bytes)).toEqual({ indexes, offset: bytes.length - 1 });
    }
  });
});

describe('toJsonText', () => {
  it('writes BigInts as their digits and everything else as JSON.stringify would', () => {
    const value = { a: 2n ** 64n, b: [1, 'x', null, true], c: {}, d: [] };
    expect(toJsonText(value, 0)).toBe('{"a":18446744073709551616,"b":[1,"x",null,true],"c":{},"d":[]}');
    expect(JSON.parse(toJsonText({ s: 'q"\n', n: 1.5 }))).toEqual({ s: 'q"\n', n: 1.5 });
  });
});

describe('Avro', () => {
  const text = JSON.stringify({
    type: 'record',
    name: 'R',
    fields: [
      { name: 'big', type: 'long' },
      { name: 'small', type: 'long' },
      { name: 'object', type: { type: 'long' } },
      { name: 'nanos', type: { type: 'long', logicalType: 'timestamp-nanos' } },
      { name: 'micros', type: { type: 'long', logicalType: 'timestamp-micros' } },
      { name: 'time', type: { type: 'int', logicalType: 'time-millis' } },
      { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
      { name: 'fixed', type: { type: 'fixed', name: 'F', size: 2 } },
      { name: 'either', type: ['null', 'int', 'string'] },
      { name: 'tags', type: { type: 'map', values: 'int' } },
      { name: 'later', type: 'string', default: 'x' },
    ],
  });
  const compiled = compileSchema({ schema: schema('AVRO', text), references: [] });

  it('round-trips JSON input to bytes and back, longs exact, logical types as text, defaults filled', () => {
    const input = {
      big: 2n ** 63n - 1n,
      small: 42,
      object: -(2n ** 62n),
      nanos: '2024-05-01T12:00:00.123456789Z',
      micros: '2024-05-01T12:00:00.123456Z',
      time: '13:45:01.250',
      id: '0c2f1e9a-8f2a-4c55-9a51-0d7f2d4f6a10',
      fixed: 'AQI=',
      either: 'text',
      tags: { a: 1 },
    };
    const body = compiled.encode(input, '', undefined);
    const { value, text, name } = compiled.decode(body);
    const json = text();
    expect(name).toBe('R');
    expect(value).toEqual({ ...input, later: 'x' });
    expect(json).toContain('"big": 9223372036854775807');
  });

  it('reads bytes another Avro writer wrote', () => {
    const plain = avro.Type.forSchema(JSON.parse(text) as avro.Schema);
    const body = plain.toBuffer({
      big: 5,
      small: 6,
      object: 7,
      nanos: 8,
      micros: 1_714_564_800_000_001,
      time: 1000,
      id: 'u',
      fixed: Buffer.from([9, 9]),
      either: 3,
      tags: {},
      later: 'y',
    });
    expect(compiled.decode(body).value).toMatchObject({
      micros: '2024-05-01T12:00:00.000001Z',
      time: '00:00:01.000',
      either: 3,
      fixed: 'CQk=',
    });
  });

  it('names the field that does not fit', () => {
    const bad = (patch: Record<string, unknown>) => () =>
      compiled.encode(
        {
          big: 1,
          small: 1,
          object: 1,
          nanos: 1,
          micros: 0,
          time: 0,
          id: 'u',
          fixed: 'AQI=',
          either: null,
          tags: {},
          ...patch,
        },
        '',
        undefined,
      );
    expect(bad({ small: 'x' })).toThrow(/^small: expected a whole number/);
    expect(bad({ fixed: 'AQID' })).toThrow(/^fixed: expected 2 bytes/);
    expect(bad({ tags: { a: 'no' } })).toThrow(/^tags\.a: expected a whole number of 32 bits/);
    expect(bad({ nope: 1 })).toThrow(/^nope: is not a field of the schema/);
    expect(bad({ either: [] })).toThrow(/^either: expected one of null, int, string/);
  });
});

describe('Protobuf', () => {
  const proto = `syntax = "proto3";
package p;
enum E { A = 0; B = 1; }
message First { string s = 1; }
message Second { int64 n = 1; E e = 2; message Inner { bool ok = 1; } Inner inner = 3; }`;
  const compiled = compileSchema({ schema: schema('PROTOBUF', proto), references: [] });

  it('lists the message types and encodes a chosen one with its indexes, read back by its indexes', () => {
    expect(compiled.messages).toEqual(['p.First', 'p.Second', 'p.Second.Inner']);
    const body = compiled.encode({ n: 2n ** 60n, e: 'B', inner: { ok: true } }, '', 'p.Second');
    expect(body.subarray(0, 2)).toEqual(Buffer.from([2, 2]));
    expect(compiled.decode(body)).toMatchObject({
      name: 'p.Second',
      value: { n: 2n ** 60n, e: 'B', inner: { ok: true } },
    });
    const inner = compiled.encode({ ok: true }, '', 'p.Second.Inner');
    expect(compiled.decode(inner).name).toBe('p.Second.Inner');
    expect(compiled.decode(compiled.encode({ s: 'x' }, '', undefined))).toMatchObject({
      name: 'p.First',
      value: { s: 'x' },
    });
  });

  it('refuses a message type the schema lacks and a value of the wrong type', () => {
    expect(() => compiled.encode({}, '', 'p.Nope')).toThrow(/has no message type "p.Nope"/);
    expect(() => compiled.encode({ n: 'many' }, '', 'p.Second')).toThrow(/n: integer\|Long expected/);
  });
});

describe('JSON Schema', () => {
  const compiled = compileSchema({
    schema: schema(
      'JSON',
      JSON.stringify({ type: 'object', required: ['n'], properties: { n: { type: 'integer' } } }),
    ),
    references: [],
  });

  it('sends the text as typed when it fits, and names the field when it does not', () => {
    const text = '{"n": 12345678901234567890}';
    expect(compiled.encode({ n: 12345678901234567890n }, text, undefined).toString()).toBe(text);
    expect(() => compiled.encode({ n: 'x' }, '{"n":"x"}', undefined)).toThrow(/^n: must be integer/);
    expect(() => compiled.encode({}, '{}', undefined)).toThrow(/must have required property 'n'/);
    expect(compiled.decode(Buffer.from(text)).text()).toContain('12345678901234567890');
  });
});

describe('hostile and edge-case records', () => {
  const arrays = compileSchema({
    schema: schema(
      'AVRO',
      JSON.stringify({
        type: 'record',
        name: 'H',
        fields: [
          { name: 'xs', type: { type: 'array', items: 'int' } },
          { name: 'm', type: { type: 'map', values: 'null' } },
          { name: 'nulls', type: { type: 'array', items: 'null' } },
        ],
      }),
    ),
    references: [],
  });
  const zigzag = (n: bigint) => {
    let v = n >= 0n ? n * 2n : -n * 2n - 1n;
    const out: number[] = [];
    while (v >= 0x80n) {
      out.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(Number(v));
    return Buffer.from(out);
  };

  it('refuse a block count the record cannot hold, at once, instead of reading for ever', () => {
    for (const count of [5_000_000n, 2n ** 60n]) {
      const started = performance.now();
      expect(() => arrays.decode(Buffer.concat([zigzag(count), Buffer.from([0, 0])]))).toThrow(/a block of/);
      expect(() => arrays.decode(Buffer.concat([Buffer.from([0]), zigzag(count), Buffer.from([0])]))).toThrow(
        /a block of/,
      );
      expect(performance.now() - started).toBeLessThan(100);
    }
    // Zero-width items (nulls) are bounded too, and a fair record still reads.
    expect(() =>
      arrays.decode(Buffer.concat([Buffer.from([0, 0]), zigzag(1_000_000n), Buffer.from([0])])),
    ).toThrow(/a block of/);
    expect(
      arrays.decode(
        Buffer.concat([
          zigzag(2n),
          zigzag(3n),
          zigzag(-4n),
          Buffer.from([0, 0]),
          zigzag(3n),
          Buffer.from([0]),
        ]),
      ).value,
    ).toEqual({
      xs: [3, -4],
      m: {},
      nulls: [null, null, null],
    });
  });

  it('write a decimal on fixed at its size, sign-extended, and refuse more digits than its precision', () => {
    const fixed = compileSchema({
      schema: schema(
        'AVRO',
        JSON.stringify({
          type: 'record',
          name: 'D',
          fields: [
            {
              name: 'd',
              type: { type: 'fixed', name: 'F8', size: 8, logicalType: 'decimal', precision: 6, scale: 2 },
            },
          ],
        }),
      ),
      references: [],
    });
    const body = fixed.encode({ d: '-12.34' }, '', undefined);
    expect(body.toString('hex')).toBe('fffffffffffffb2e');
    expect(fixed.decode(body).value).toEqual({ d: '-12.34' });
    expect(() => fixed.encode({ d: '12345.67' }, '', undefined)).toThrow(/^d: /);
  });

  it('refuse Protobuf fields the message lacks and integers outside their type', () => {
    const proto = compileSchema({
      schema: schema(
        'PROTOBUF',
        'syntax = "proto3";\nmessage M { int32 small = 1; uint32 u = 2; int64 big = 3; }',
      ),
      references: [],
    });
    expect(() => proto.encode({ smal: 5 }, '', undefined)).toThrow(/^smal: is not a field of M/);
    expect(() => proto.encode({ small: 2 ** 40 }, '', undefined)).toThrow(
      /^small: 1099511627776 is outside the range of int32/,
    );
    expect(() => proto.encode({ u: -1 }, '', undefined)).toThrow(/^u: -1 is outside the range of uint32/);
    expect(() => proto.encode({ big: 12345678901234567890n }, '', undefined)).toThrow(
      /outside the range of int64/,
    );
    expect(proto.decode(proto.encode({ big: 2n ** 62n }, '', undefined)).value).toEqual({
      big: 2n ** 62n,
    });
  });

  it('keep dates beyond what ISO text can write as their numbers', () => {
    const dates = compileSchema({
      schema: schema(
        'AVRO',
        JSON.stringify({
          type: 'record',
          name: 'T',
          fields: [{ name: 'd', type: { type: 'int', logicalType: 'date' } }],
        }),
      ),
      references: [],
    });
    const plain = avro.Type.forSchema({
      type: 'record',
      name: 'T',
      fields: [{ name: 'd', type: 'int' }],
    } as avro.Schema);
    expect(dates.decode(plain.toBuffer({ d: 2_000_000_000 })).value).toEqual({ d: 2_000_000_000 });
  });
});
