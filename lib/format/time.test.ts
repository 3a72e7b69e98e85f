import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clockTime,
  formatTimestamp,
  parseTimeInput,
  timeTicks,
  timeTitle,
  toTimeInput,
  zoneOffset,
} from '@/lib/format/time';

// Node reads TZ again when it changes, so each case picks its zone; en-US would write 12-hour clocks.
const savedZone = process.env.TZ;
const inZone = (zone: string) => {
  process.env.TZ = zone;
};
beforeEach(() => inZone('America/New_York'));
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

// 2026-01-31 19:05:03.045 UTC: 14:05 in New York, an afternoon time that a 12-hour clock writes as 02:05 PM.
const instant = Date.UTC(2026, 0, 31, 19, 5, 3, 45);

describe('one time format', () => {
  it('writes 24-hour local times, year first, in every locale', () => {
    expect(clockTime(instant)).toBe('14:05:03');
    expect(formatTimestamp(instant)).toBe('2026-01-31 14:05:03.045');
    expect(formatTimestamp(instant, { millis: false })).toBe('2026-01-31 14:05:03');
    inZone('Asia/Kolkata');
    expect(formatTimestamp(instant)).toBe('2026-02-01 00:35:03.045');
  });

  it('names the zone offset at the instant, daylight saving included', () => {
    expect(zoneOffset(instant)).toBe('UTC-05:00');
    expect(zoneOffset(Date.UTC(2026, 6, 1))).toBe('UTC-04:00');
    inZone('Asia/Kolkata');
    expect(zoneOffset(instant)).toBe('UTC+05:30');
    inZone('UTC');
    expect(zoneOffset(instant)).toBe('UTC');
  });

  it('hovers with the zone by name and the UTC instant', () => {
    expect(timeTitle(instant)).toBe(
      '2026-01-31 14:05:03.045 UTC-05:00 (America/New_York)\n2026-01-31T19:05:03.045Z',
    );
  });
});

describe('typed times', () => {
  it('round-trips the format the tables show, so a copied timestamp can be pasted', () => {
    expect(toTimeInput(instant)).toBe('2026-01-31 14:05:03.045');
    expect(parseTimeInput(formatTimestamp(instant))).toBe(instant);
    const whole = Date.UTC(2026, 0, 31, 19, 5);
    expect(toTimeInput(whole)).toBe('2026-01-31 14:05:00');
    expect(parseTimeInput(toTimeInput(whole))).toBe(whole);
  });

  it('reads minutes-only, T-separated, ISO with a zone, and epoch milliseconds', () => {
    expect(parseTimeInput('2026-01-31 14:05')).toBe(Date.UTC(2026, 0, 31, 19, 5));
    expect(parseTimeInput(' 2026-01-31T14:05:03 ')).toBe(Date.UTC(2026, 0, 31, 19, 5, 3));
    expect(parseTimeInput('2026-01-31T19:05:03.045Z')).toBe(instant);
    expect(parseTimeInput('2026-01-31T20:05:03.045+01:00')).toBe(instant);
    expect(parseTimeInput(String(instant))).toBe(instant);
  });

  it('refuses what is not a time rather than rolling it over', () => {
    for (const bad of [
      '',
      'nonsense',
      '2026-02-31 10:00',
      '2026-01-31 24:00',
      '2026-01-31 10:60',
      '2026-01-31 10:00:61',
      '31/01/2026 10:00',
      '2 PM',
    ]) {
      expect(parseTimeInput(bad), bad).toBeNull();
    }
  });
});

describe('time axis ticks', () => {
  const at = (h: number, m: number, sec = 0, day = 31) => Date.UTC(2026, 0, day, h + 5, m, sec); // New York is UTC-5

  it('write 24-hour local times, the date under the first tick and where a day starts', () => {
    expect(timeTicks([at(22, 0), at(23, 0), at(24, 0), at(25, 0)], 3_600_000)).toEqual([
      '22:00\n01-31',
      '23:00',
      '00:00\n02-01',
      '01:00',
    ]);
  });

  it('add seconds to steps under a minute, and write only dates for steps of days', () => {
    expect(timeTicks([at(14, 5, 0), at(14, 5, 30)], 30_000)).toEqual(['14:05:00\n01-31', '14:05:30']);
    expect(timeTicks([at(0, 0, 0, 30), at(0, 0, 0, 31)], 86_400_000)).toEqual(['01-30', '01-31']);
  });
});
