import { describe, expect, it } from 'vitest';
import type { FetchedRecord } from '@/server/kafka';
import { FilterTooCostlyError, MAX_RECORD_COST, ScanBudget, charge } from '@/server/services/filter-budget';
import { compileFilter } from '@/server/services/message-filter';

const record = (value: string): FetchedRecord => ({
  offset: 42,
  timestamp: 1_790_000_000_000,
  key: Buffer.from('k'),
  value: Buffer.from(value),
  headers: [{ key: 'h', value: Buffer.from('v') }],
  compression: 'none',
  transaction: null,
});

const KB = 1024;
const text = (bytes: number) => 'abcdefghij'.repeat(Math.ceil(bytes / 10)).slice(0, bytes);
const jsonOf = (bytes: number) => {
  const items = Array.from({ length: Math.floor(bytes / 40) }, (_, i) => ({ sku: `s-${i}`, n: i }));
  return JSON.stringify({ status: 'placed', items });
};

/** How the filter ends on this value: true/false, or the limit it went past. */
function outcome(filter: string, value: string): boolean | string {
  const f = compileFilter('', filter);
  try {
    return f(3, record(value));
  } catch (error) {
    if (error instanceof FilterTooCostlyError) return `too costly: ${error.limit}`;
    throw error;
  }
}

// Each of these was legal before (short, nested 2 deep, RE2 only) and quadratic, or worse, in one
// message's size: the server froze for seconds or ran out of memory on a single message.
const costly = [
  'value.split("").all(a, value.split("").all(b, a != "~"))',
  'value.split("").map(a, value.split("")).size() > 0',
  // Errors inside || and the quantifiers are values in CEL: running out must not be one of them.
  'value.split("").exists(a, value.split("").exists(b, a == "~")) || true',
  'value.split("").exists(a, value.split("").exists(b, a + b == "~~"))',
  'value.split("").filter(a, value.contains(a)).size() < 0',
  'value.split("").map(a, value + a).size() < 0',
  'cel.bind(s, value.split(""), s.map(a, s.join()).size() < 0)',
  'cel.bind(s, value.split(""), s.map(a, value)).join().size() < 0',
  'cel.bind(s, value.split(""), s.map(a, s) == s.map(b, s))',
  'value.split("").all(a, json == json)',
  'value.split("").all(a, value.matches("[a-j][0-9a-z]{60}y") == false)',
];

describe('filter cost', () => {
  for (const size of [100 * KB, 1024 * KB]) {
    for (const filter of costly) {
      it(`stops ${filter} on a ${size / KB} KB message`, () => {
        const value = filter.includes('json') ? jsonOf(size) : text(size);
        expect(outcome(filter, value)).toMatch(/^too costly: (message|time)$/);
      });
    }
  }

  it('charges a call for its real cost, not the few steps around it: a date in a time zone', () => {
    // ~200 µs a call: without its own charge only the clock would stop it, after 200 ms.
    const filter = 'value.split("a").all(a, timestamp(1).getHours("Europe/Paris") >= 0)';
    expect(outcome(filter, text(100 * KB))).toBe('too costly: message');
  });

  it('names the limit and the message in its error', () => {
    const f = compileFilter('', costly[0]!);
    expect(() => f(3, record(text(100 * KB)))).toThrow(
      /more than 2,000,000 cost units on one message \(partition 3, offset 42\)/,
    );
  });

  it('lets linear filters run on large messages', () => {
    const mb = jsonOf(1024 * KB);
    expect(outcome('value.contains("s-100\\"")', mb)).toBe(true);
    expect(outcome('json.items.exists(i, i.sku == "s-20000")', mb)).toBe(true);
    expect(outcome('json.items.all(i, i.n >= 0) && json.status == "placed"', mb)).toBe(true);
    expect(outcome('value.split(",").exists(p, p == "\\"n\\":7}")', mb)).toBe(true);
    expect(outcome('value.matches("s-2[0-9]{4}\\"")', mb)).toBe(true);
    expect(outcome('value.lowerAscii().contains("placed")', mb)).toBe(true);
    expect(outcome('value.split("").exists(c, c == "~")', text(50 * KB))).toBe(false);
  });

  it('keeps count over a whole scan', () => {
    const budget = new ScanBudget(3 * MAX_RECORD_COST);
    const spend = () => charge(MAX_RECORD_COST - 10);
    budget.run(spend, null);
    budget.run(spend, null);
    budget.run(spend, null);
    expect(() => budget.run(spend, null)).toThrow(/this scan's filter work passed its limit of 6,000,000/);
  });
});
