import { describe, expect, it } from 'vitest';
import { catchUp, dataLoss, groupCatchUp, groupDataLoss, ratesOf } from '@/lib/lag/forecast';

const MIN = 60_000;

describe('rates', () => {
  it('are records per second between the first and last moment', () => {
    expect(
      ratesOf([
        { t: 0, committed: 100, logEnd: 1_000 },
        { t: 5 * MIN, committed: 100 + 600, logEnd: 1_000 + 300 },
      ]),
    ).toEqual({ consume: 2, produce: 1, windowMs: 5 * MIN });
  });
  it('are unknown over too short a window or across an offset reset', () => {
    expect(
      ratesOf([
        { t: 0, committed: 0, logEnd: 0 },
        { t: 10_000, committed: 5, logEnd: 5 },
      ]),
    ).toBeNull();
    expect(
      ratesOf([
        { t: 0, committed: 50, logEnd: 60 },
        { t: MIN, committed: 10, logEnd: 60 },
      ]),
    ).toBeNull();
  });
});

describe('catching up', () => {
  const rates = { consume: 12, produce: 2, windowMs: 5 * MIN };
  it('takes lag over the net rate', () => {
    expect(catchUp(6_000, rates)).toEqual({ state: 'catching_up', inMs: 600_000 });
    expect(catchUp(0, rates)).toEqual({ state: 'caught_up' });
  });
  it('never happens when producers are faster, or nobody consumes', () => {
    expect(catchUp(10, { consume: 1, produce: 2, windowMs: MIN })).toEqual({ state: 'falling_behind' });
    expect(catchUp(10, { consume: 0, produce: 0, windowMs: MIN })).toEqual({ state: 'not_consuming' });
  });
  it('for a group is its slowest partition', () => {
    expect(
      groupCatchUp([
        { state: 'caught_up' },
        { state: 'catching_up', inMs: 60_000 },
        { state: 'catching_up', inMs: 600_000 },
      ]),
    ).toEqual({ state: 'catching_up', inMs: 600_000 });
    expect(groupCatchUp([{ state: 'catching_up', inMs: 1 }, { state: 'falling_behind' }])).toEqual({
      state: 'falling_behind',
    });
  });
});

describe('data loss', () => {
  const day = 86_400_000;
  const retention = { ms: day, bytes: null };
  it('comes when the next unread record reaches the retention age, sooner for a stopped consumer', () => {
    // Stopped: the record ages with the clock.
    expect(
      dataLoss({
        lag: 100,
        timeLagMs: day - 3_600_000,
        rates: { consume: 0, produce: 5, windowMs: MIN },
        retention,
        recordBytes: null,
      }),
    ).toEqual({ state: 'at_risk', inMs: 3_600_000, by: 'time' });
    // Reading at half the producers' pace: the next record ages at half the clock's pace.
    expect(
      dataLoss({
        lag: 100,
        timeLagMs: day - 3_600_000,
        rates: { consume: 1, produce: 2, windowMs: MIN },
        retention,
        recordBytes: null,
      }),
    ).toEqual({ state: 'at_risk', inMs: 7_200_000, by: 'time' });
  });
  it('never comes while the consumer outpaces producers, or without retention', () => {
    const rates = { consume: 3, produce: 2, windowMs: MIN };
    expect(dataLoss({ lag: 100, timeLagMs: 1_000, rates, retention, recordBytes: null })).toEqual({
      state: 'safe',
    });
    expect(
      dataLoss({
        lag: 100,
        timeLagMs: 1_000,
        rates: { consume: 0, produce: 1, windowMs: MIN },
        retention: { ms: null, bytes: null },
        recordBytes: 10,
      }),
    ).toEqual({ state: 'safe' });
  });
  it('comes by size when the backlog outgrows retention.bytes', () => {
    // 1 MB kept at 100 B a record: 10,000 records fit; 4,000 behind, growing 10 a second.
    expect(
      dataLoss({
        lag: 4_000,
        timeLagMs: 1_000,
        rates: { consume: 0, produce: 10, windowMs: MIN },
        retention: { ms: null, bytes: 1_000_000 },
        recordBytes: 100,
      }),
    ).toEqual({ state: 'at_risk', inMs: 600_000, by: 'size' });
  });
  it('for a group is its first partition to lose', () => {
    expect(
      groupDataLoss([
        { state: 'safe' },
        { state: 'at_risk', inMs: 5, by: 'size' },
        { state: 'at_risk', inMs: 9, by: 'time' },
      ]),
    ).toEqual({ state: 'at_risk', inMs: 5, by: 'size' });
  });
});
