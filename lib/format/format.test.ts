import { describe, expect, it } from 'vitest';
import { formatBytes, percentOf } from '@/lib/format/bytes';
import { configValueHint } from '@/lib/format/config';
import { compactCount, formatCount } from '@/lib/format/count';
import { formatDuration, shortDuration, timeAgo } from '@/lib/format/duration';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1024 * 1023.99, '1.0 MiB'],
    [150 * 1024 * 1024, '150 MiB'],
    [12.34 * 1024 ** 3, '12.3 GiB'],
    [-2048, '-2.0 KiB'],
  ])('%d bytes reads %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('shows a dash for unknown sizes', () => {
    expect(formatBytes(null)).toBe('—');
    expect(formatBytes(undefined)).toBe('—');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('percentOf', () => {
  it('clamps and refuses unknown wholes', () => {
    expect(percentOf(25, 100)).toBe(25);
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(null, 100)).toBeNull();
    expect(percentOf(1, null)).toBeNull();
  });
});

describe('counts', () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
  });

  it.each([
    [950, '950'],
    [1000, '1K'],
    [12_345, '12.3K'],
    [999_999, '1M'],
    [4_500_000, '4.5M'],
    [123_000_000, '123M'],
    [1_200_000_000, '1.2B'],
    [-1500, '-1.5K'],
  ])('compactCount(%d) = %s', (count, text) => {
    expect(compactCount(count)).toBe(text);
  });
});

describe('timeAgo', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now, 'just now'],
    [now - 999, 'just now'],
    [now - 2_000, '2 s ago'],
    [now - 59_999, '59 s ago'],
    [now - 5 * 60_000, '5 min ago'],
    [now - 3 * 3_600_000, '3 h ago'],
    [now - 4 * 86_400_000, '4 d ago'],
    [now + 5_000, 'just now'],
  ])('%d reads %s', (then, text) => {
    expect(timeAgo(then, now)).toBe(text);
  });

  it('says never for a missing or negative timestamp', () => {
    expect(timeAgo(null, now)).toBe('never');
    expect(timeAgo(-1, now)).toBe('never');
  });
});

describe('formatDuration', () => {
  it.each([
    [250, '250 ms'],
    [1500, '1 s 500 ms'],
    [60_000, '1 min'],
    [90_000, '1 min 30 s'],
    [5_400_000, '1 h 30 min'],
    [604_800_000, '7 d'],
    [604_800_000 + 3_600_000 + 1, '7 d 1 h'],
    [-60_000, '-1 min'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('configValueHint', () => {
  it('reads durations and sizes by the config name', () => {
    expect(configValueHint('retention.ms', '604800000')).toBe('7 d');
    expect(configValueHint('segment.bytes', '1073741824')).toBe('1.0 GiB');
    expect(configValueHint('retention.bytes', '-1')).toBe('unlimited');
    expect(configValueHint('retention.ms', '-1')).toBe('unlimited');
    expect(configValueHint('flush.messages', '9223372036854775807')).toBe('no limit');
  });

  it('stays quiet when the raw value says it all', () => {
    expect(configValueHint('min.insync.replicas', '2')).toBeNull();
    expect(configValueHint('flush.ms', '500')).toBeNull();
    expect(configValueHint('cleanup.policy', 'delete')).toBeNull();
    expect(configValueHint('retention.ms', null)).toBeNull();
    expect(configValueHint('max.message.bytes', '1000')).toBeNull();
  });
});

describe('shortDuration', () => {
  it('writes a time lag in whole seconds, milliseconds below one', () => {
    expect([0, 350, 1_400, 95_400, 3_900_000].map(shortDuration)).toEqual([
      '0 s',
      '350 ms',
      '1 s',
      '1 min 35 s',
      '1 h 5 min',
    ]);
  });
});
