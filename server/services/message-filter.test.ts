import { Environment } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import type { FetchedRecord } from '@/server/kafka';
import { compileFilter } from '@/server/services/message-filter';

const record = (
  value: string | Buffer | null,
  key: string | null = null,
  headers: [string, string][] = [],
): FetchedRecord => ({
  offset: 7,
  timestamp: 1_790_000_000_000,
  key: key === null ? null : Buffer.from(key),
  value: value === null ? null : Buffer.from(value),
  headers: headers.map(([k, v]) => ({ key: k, value: Buffer.from(v) })),
  compression: 'none',
  transaction: null,
});

const records = [
  record('{"status":"cancelled","total":12.5}', 'order-1', [['trace', 'abc']]),
  record('{"status":"placed","note":"cancelled later"}', 'order-2'),
  // The same string spelled with an escape: only a full parse sees it.
  record('{"status":"\\u0063ancelled"}', 'order-3'),
  record('{"status":"annulé","tags":["a","b"]}', 'order-4', [
    ['tag', 'x'],
    ['tag', 'y'],
  ]),
  record('not json at all, cancelled', 'k'),
  record(null, 'tombstone'),
  record(Buffer.from([0xff, 0xfe, 0x63, 0x61, 0x6e])), // invalid UTF-8, then "can"
  record('{"status":"cancelled"}', null, [['h', '🙂 smile']]),
];

/** The interpreter alone, with every variable computed up front: what the filter must agree with. */
function reference(expression: string, r: FetchedRecord): boolean {
  const env = new Environment()
    .registerVariable('key', 'string')
    .registerVariable('value', 'string')
    .registerVariable('headers', 'map<string, string>')
    .registerVariable('partition', 'int')
    .registerVariable('offset', 'int')
    .registerVariable('timestamp', 'int')
    .registerVariable('size', 'int')
    .registerVariable('json', 'dyn');
  const value = r.value?.toString('utf8') ?? '';
  let json: unknown = null;
  try {
    json = JSON.parse(value);
  } catch {
    json = null;
  }
  const headers: Record<string, string> = {};
  for (const h of r.headers) headers[h.key] ??= h.value?.toString('utf8') ?? '';
  try {
    return (
      env.evaluate(expression, {
        key: r.key?.toString('utf8') ?? '',
        value,
        headers,
        partition: 2n,
        offset: BigInt(r.offset),
        timestamp: BigInt(r.timestamp),
        size: BigInt((r.value?.length ?? 0) + (r.key?.length ?? 0)),
        json,
      }) === true
    );
  } catch {
    return false;
  }
}

describe('compileFilter', () => {
  it.each([
    'json.status == "cancelled"',
    '"cancelled" == json.status && partition == 2',
    'json.status == "annulé"',
    'json["tags"][1] == "b"',
    'json.status == "cancelled" || key == "k"',
    'value.contains("cancelled")',
    'value.startsWith("not") && size > 3',
    'key == "order-2" && json.note.endsWith("later")',
    'json.total > 10.0',
    'headers.trace == "abc"',
    'value.contains("can")',
    'json.status == "cancelled" && json.missing == "x"',
  ])('agrees with the interpreter on every record: %s', (expression) => {
    const filter = compileFilter('', expression);
    expect(records.map((r) => filter(2, r))).toEqual(records.map((r) => reference(expression, r)));
  });

  it('finds an escaped JSON string that a byte search alone would miss', () => {
    const filter = compileFilter('', 'json.status == "cancelled"');
    expect(records.map((r) => filter(0, r))).toEqual([true, false, true, false, false, false, false, true]);
  });

  it('finds text in keys, values and every header value, emoji and accents included', () => {
    const matches = (q: string) => records.flatMap((r, i) => (compileFilter(q, '')(0, r) ? [i] : []));
    expect(matches('cancelled')).toEqual([0, 1, 4, 7]);
    expect(matches('annulé')).toEqual([3]);
    expect(matches('y')).toEqual([3]); // the second value of a repeated header
    expect(matches('🙂')).toEqual([7]);
    expect(matches('tombstone')).toEqual([5]);
    expect(matches('can')).toEqual([0, 1, 4, 6, 7]);
  });

  it('combines text and expression, and refuses bad expressions before any scan', () => {
    const both = compileFilter('order', 'json.status == "cancelled"');
    expect(records.map((r) => both(0, r))).toEqual([true, false, true, false, false, false, false, false]);
    expect(() => compileFilter('', 'json.status ==')).toThrow(/^Filter:/);
    expect(() => compileFilter('', 'nosuchvar == 1')).toThrow(/^Filter:/);
    expect(() => compileFilter('', 'offset + 1')).toThrow(/not true or false/);
  });

  it('filters on how the transaction of a message ended', () => {
    const aborted = compileFilter('', 'transaction == "aborted"');
    const outside = compileFilter('', 'transaction == "none"');
    const inAborted = { ...record('x'), transaction: 'aborted' as const };
    expect([aborted(0, inAborted), aborted(0, record('x'))]).toEqual([true, false]);
    expect([outside(0, inAborted), outside(0, record('x'))]).toEqual([false, true]);
  });
});
