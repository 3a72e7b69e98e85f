import { describe, expect, it } from 'vitest';
import {
  durationText,
  globMatch,
  parseDuration,
  RuleInputSchema,
  SilenceInputSchema,
} from '@/lib/schemas/alerts';

const issues = (value: unknown) => {
  const parsed = RuleInputSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('durations', () => {
  it('reads and writes the units of the config', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('0')).toBe(0);
    expect(parseDuration('5 weeks')).toBeNull();
    expect(durationText(300_000)).toBe('5m');
    expect(durationText(90_000)).toBe('90s');
    expect(durationText(1_500)).toBe('1500ms');
  });
});

describe('globMatch', () => {
  it('matches * as any run of characters and everything else literally', () => {
    expect(globMatch('*', 'anything')).toBe(true);
    expect(globMatch('payments-*', 'payments-eu')).toBe(true);
    expect(globMatch('payments-*', 'payment-eu')).toBe(false);
    expect(globMatch('*-dlq', 'orders-dlq')).toBe(true);
    expect(globMatch('a*b*c', 'a-x-b-y-c')).toBe(true);
    expect(globMatch('a*b*c', 'a-c-b')).toBe(false);
    expect(globMatch('ab*ba', 'aba')).toBe(false);
    expect(globMatch('orders.v1', 'ordersXv1')).toBe(false);
  });
});

describe('RuleInputSchema', () => {
  it('fills the defaults and converts durations to ms', () => {
    const rule = RuleInputSchema.parse({
      name: 'Slow payments',
      kind: 'time_lag_above',
      threshold: '2m',
      for: '5m',
    });
    expect(rule).toMatchObject({
      threshold: 120_000,
      forMs: 300_000,
      groups: '*',
      topics: '*',
      clusters: [],
      severity: 'warning',
      channels: [],
      enabled: true,
    });
  });

  it('names the field that is wrong', () => {
    expect(issues({ name: 'x', kind: 'lag_above' })).toEqual(['threshold: lag_above needs a threshold']);
    expect(issues({ name: 'x', kind: 'stalled', threshold: 3 })).toEqual([
      'threshold: stalled takes no threshold',
    ]);
    expect(issues({ name: 'x', kind: 'lag_above', threshold: '5m' })).toEqual([
      'threshold: expected a whole number of records (0 or more)',
    ]);
    expect(issues({ name: 'x', kind: 'lag_above', threshold: 1, for: 'soon' })[0]).toMatch(
      /^for: expected a duration/,
    );
    expect(issues({ name: 'x', kind: 'lag_above', threshold: 1, groups: 'a b' })[0]).toMatch(/^groups: /);
    expect(issues({ name: 'x', kind: 'nope' })[0]).toMatch(/^kind: /);
    expect(issues({ name: 'x', kind: 'expired', severity: 'page' })[0]).toMatch(/^severity: /);
    expect(issues({ name: 'x', kind: 'expired', channels: ['a', 'a'] })).toEqual([
      'channels: names a channel twice',
    ]);
    expect(issues({ name: 'x', kind: 'expired', extra: 1 })[0]).toMatch(/extra/);
  });

  it('lets cluster kinds go without a threshold', () => {
    expect(RuleInputSchema.parse({ name: 'b', kind: 'broker_down' }).threshold).toBeNull();
    expect(RuleInputSchema.parse({ name: 'b', kind: 'broker_down', threshold: 3 }).threshold).toBe(3);
  });
});

describe('SilenceInputSchema', () => {
  it('takes a duration or a time, and a subject only with its cluster', () => {
    expect(SilenceInputSchema.parse({ ruleId: 'r', for: '2h' }).for).toBe(7_200_000);
    expect(SilenceInputSchema.safeParse({ ruleId: 'r' }).success).toBe(false);
    expect(SilenceInputSchema.safeParse({ ruleId: 'r', for: '1h', subject: 'group:a' }).success).toBe(false);
    expect(
      SilenceInputSchema.safeParse({ ruleId: 'r', for: '1h', subject: 'group:a', clusterId: 'local' })
        .success,
    ).toBe(true);
  });
});
