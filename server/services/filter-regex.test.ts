import { describe, expect, it } from 'vitest';
import type { FetchedRecord } from '@/server/kafka';
import { AppError } from '@/server/http/app-error';
import { MAX_FILTER_LENGTH, compileFilter } from '@/server/services/message-filter';
import { MAX_PATTERN_LENGTH, re2Matches } from '@/server/services/filter-regex';

const record = (value: string): FetchedRecord => ({
  offset: 0,
  timestamp: 0,
  key: null,
  value: Buffer.from(value),
  headers: [],
  compression: 'none',
  transaction: null,
});

/** Whether `expression` keeps a message whose value is `value`. */
const keeps = (expression: string, value = '') => compileFilter('', expression)(0, record(value));

function refusal(expression: string): AppError {
  try {
    compileFilter('', expression);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${expression} was accepted`);
}

describe('matches (RE2)', () => {
  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const timed = (expression: string, value = '') => {
      const started = performance.now();
      const kept = keeps(expression, value);
      return { kept, ms: performance.now() - started };
    };
    // 27 a's: seconds of RegExp backtracking; each further a doubles it.
    const short = timed('"aaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("^(a+)+$")');
    expect(short.kept).toBe(false);
    expect(short.ms).toBeLessThan(100);
    const long = 'a'.repeat(100_000);
    for (const [expression, value, kept] of [
      ['value.matches("^(a+)+$")', `${long}!`, false],
      ['value.matches("^(a+)+$")', long, true],
      ['value.matches("^(a|aa)+$")', `${long}!`, false],
    ] as const) {
      const run = timed(expression, value);
      expect(run.kept).toBe(kept);
      expect(run.ms).toBeLessThan(100);
    }
    // Inside loops and bindings too.
    const tags = JSON.stringify({ tags: ['x', `${long}!`, long] });
    expect(keeps('json.tags.exists(t, t.matches("^(a+)+$"))', tags)).toBe(true);
    expect(keeps('json.tags.all(t, t.matches("^(a+)+$"))', tags)).toBe(false);
    expect(keeps('cel.bind(p, "^(a+)+$", json.tags[1].matches(p))', tags)).toBe(false);
  });

  it('still matches like CEL says: anywhere in the text unless anchored, dyn receivers too', () => {
    expect(keeps(`'abc'.matches('^a.c$')`)).toBe(true);
    expect(keeps(`'abd'.matches('^a.c$')`)).toBe(false);
    expect(keeps(`'xabcx'.matches('b')`)).toBe(true);
    expect(keeps(`'xabcx'.matches('^b')`)).toBe(false);
    expect(keeps(String.raw`value.matches("^order-\\d{3}$")`, 'order-123')).toBe(true);
    expect(keeps(String.raw`value.matches("^order-\\d{3}$")`, 'order-1234')).toBe(false);
    expect(keeps('json.name.matches("(?i)^ANNUL")', '{"name":"annulé"}')).toBe(true);
    expect(keeps('json.name.matches("^.{6}$")', '{"name":"annulé"}')).toBe(true); // characters, not bytes
    expect(keeps('json.id.matches("1")', '{"id":1}')).toBe(false); // not a string: no match
    expect(re2Matches('🙂 smile', '^. smile$')).toBe(true);
  });

  it('refuses what RE2 cannot run in linear time, saying why, before any scan', () => {
    for (const [expression, reason] of [
      [String.raw`value.matches("(a)\\1")`, /backreferences .* not supported/],
      ['value.matches("a(?=b)")', /lookahead and lookbehind .* not supported/],
      ['value.matches("(?<!a)b")', /lookahead and lookbehind .* not supported/],
      ['value.matches("[a-")', /invalid pattern: .*missing closing \]/],
      [`value.matches("${'a'.repeat(MAX_PATTERN_LENGTH + 1)}")`, /longer than 500 characters/],
      ['value.matches("[a-z]{1000}")', /too large/],
      ['value.matches(1)', /no matching overload/],
      ['partition.matches("1")', /no matching overload/],
    ] as const) {
      const error = refusal(expression);
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe('validation_failed');
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^Filter: /);
      expect(error.message).toMatch(reason);
    }
    expect(refusal('value.matches("a(?=b)")').message).toMatch(/RE2 syntax/);
  });

  it('lets a pattern read from the message fail that message only', () => {
    const filter = compileFilter('', 'value.matches(json.p)');
    expect(filter(0, record('{"p":"(a)\\\\1"}'))).toBe(false);
    expect(filter(0, record('{"p":"p.:"}'))).toBe(true);
  });
});

describe('filter size', () => {
  it('refuses long filters and deeply nested loops', () => {
    const long = `value == "${'x'.repeat(MAX_FILTER_LENGTH)}"`;
    expect(refusal(long).message).toMatch(/longer than 2,000 characters/);
    expect(keeps('[1, 2].exists(a, [3, 4].exists(b, a + b == 5))')).toBe(true);
    expect(refusal('[1].exists(a, [2].exists(b, [3].exists(c, a + b == c)))').message).toMatch(
      /nested 2 deep at most/,
    );
    expect(refusal(`[${Array(300).fill('1').join(',')}].size() > 0`).message).toMatch(/maxListElements/);
  });
});
