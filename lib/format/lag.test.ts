import { describe, expect, it } from 'vitest';
import { formatMetric, formatRate } from '@/lib/format/lag';

describe('lag formats', () => {
  it('formats rates with one decimal below 100', () => {
    expect([formatRate(0), formatRate(0.25), formatRate(12), formatRate(1234.4), formatRate(null)]).toEqual([
      '0',
      '0.3',
      '12',
      '1,234',
      '—',
    ]);
  });

  it('writes each metric in its unit, lag compact only on an axis', () => {
    expect(formatMetric('lag', 123_456)).toBe('123,456');
    expect(formatMetric('lag', 123_456, true)).toBe('123K');
    expect(formatMetric('lag', 9_999, true)).toBe('9,999');
    expect(formatMetric('lag', 12_345, true)).toBe('12.3K');
    expect(formatMetric('timeLag', 0)).toBe('0 s');
    expect(formatMetric('timeLag', 95_400)).toBe('1 min 35 s');
    expect(formatMetric('consume', 2.5)).toBe('2.5/s');
    expect(formatMetric('produce', null)).toBe('—');
  });
});
