import { describe, expect, it } from 'vitest';
import { browseQuery, browseView, pagePositions, positionPatch } from '@/lib/url-state/browse';
import { read, roundTrip, write } from '@/lib/url-state/testing';
import { MESSAGE_PAGE_MAX, type MessageList } from '@/lib/schemas/message';

const payload = { base64: '', size: 0, truncated: false };
const msg = (partition: number, offset: number, timestamp: number) => ({
  partition,
  offset,
  timestamp,
  key: payload,
  value: payload,
  headers: [],
  compression: 'none' as const,
  transaction: null,
});

describe('the browse view', () => {
  it('defaults to the newest 100 of every partition, decoded automatically', () => {
    expect(read(browseView)).toEqual({
      partitions: null,
      start: 'newest',
      limit: 100,
      keyAs: 'auto',
      valueAs: 'auto',
    });
    expect(browseQuery(read(browseView))).toEqual({ start: 'newest', limit: 100, maxBytes: 16_384 });
  });

  it('reads a position, partitions, a limit and decoders', () => {
    const s = read(browseView, 'start=offset&offset=42&partitions=0,2&limit=20&valueAs=hex');
    expect(s).toEqual({
      partitions: [0, 2],
      start: 'offset',
      offset: 42,
      limit: 20,
      keyAs: 'auto',
      valueAs: 'hex',
    });
    expect(browseQuery(s)).toEqual({
      start: 'offset',
      offset: 42,
      partitions: '0,2',
      limit: 20,
      maxBytes: 16_384,
    });
    expect(read(browseView, 'start=timestamp&timestamp=1700000000000').timestamp).toBe(1700000000000);
  });

  it('keeps the limit within the API bounds', () => {
    expect(read(browseView, `limit=${MESSAGE_PAGE_MAX}`).limit).toBe(MESSAGE_PAGE_MAX);
    expect(read(browseView, `limit=${MESSAGE_PAGE_MAX + 1}`).limit).toBe(100);
    expect(read(browseView, 'limit=0').limit).toBe(100);
  });

  it('falls back setting by setting on bad values', () => {
    const s = read(browseView, 'start=offset&limit=9999&partitions=a&keyAs=html');
    expect(s).toEqual(browseView.defaults);
    for (const bad of ['-1', '1.5', '1e3', ' 2', '0x10', '99999999999999999999']) {
      const search = `start=offset&offset=${encodeURIComponent(bad)}&limit=${encodeURIComponent(bad)}`;
      expect(read(browseView, search)).toEqual(browseView.defaults);
    }
    expect(read(browseView, 'partitions=0,,1').partitions).toBeNull();
    expect(read(browseView, 'partitions=99999999999999999999').partitions).toBeNull();
    expect(read(browseView, 'start=sideways').start).toBe('newest');
  });

  it('drops the position of another start', () => {
    expect(read(browseView, 'start=oldest&offset=5&timestamp=7')).toEqual({
      ...browseView.defaults,
      start: 'oldest',
    });
  });

  it('round-trips, leaving the defaults out', () => {
    expect(write(browseView, browseView.defaults)).toBe('');
    const states = [
      { ...browseView.defaults, partitions: [2, 0], start: 'offset' as const, offset: 0, limit: 500 },
      {
        ...browseView.defaults,
        start: 'timestamp' as const,
        timestamp: 1700000000000,
        keyAs: 'hex' as const,
      },
      { ...browseView.defaults, start: 'oldest' as const, valueAs: 'msgpack' as const },
    ];
    for (const state of states) expect(roundTrip(browseView, state)).toEqual(state);
    expect(write(browseView, states[0]!)).toBe('partitions=2%2C0&start=offset&offset=0&limit=500');
  });
});

describe('positionPatch', () => {
  it('sets a start with its position and clears the others', () => {
    expect(positionPatch('newest')).toEqual({ start: 'newest', offset: undefined, timestamp: undefined });
    expect(positionPatch('offset')).toEqual({ start: 'offset', offset: 0, timestamp: undefined });
    expect(positionPatch('timestamp', { timestamp: 5 })).toEqual({
      start: 'timestamp',
      offset: undefined,
      timestamp: 5,
    });
    expect(write(browseView, positionPatch('newest'))).toBe('');
    expect(write(browseView, positionPatch('offset', { offset: 9 }))).toBe('start=offset&offset=9');
  });
});

describe('pagePositions', () => {
  const query = { start: 'newest' as const, limit: 2, maxBytes: 16_384 };

  it('pages one partition by offset', () => {
    const list: MessageList = {
      messages: [msg(0, 9, 900), msg(0, 8, 800)],
      partitions: [{ partition: 0, lowWatermark: 0, highWatermark: 12, from: 8, next: 10 }],
      unavailable: [],
    };
    expect(pagePositions(list, { ...query, start: 'offset', offset: 8 })).toEqual({
      older: { start: 'offset', offset: 6, timestamp: undefined },
      newer: { start: 'offset', offset: 10, timestamp: undefined },
    });
    // Newest first is the newest page already.
    expect(pagePositions(list, query).newer).toBeNull();
  });

  it('pages several partitions by time and stops at the watermarks', () => {
    const list: MessageList = {
      messages: [msg(0, 5, 1000), msg(1, 3, 900)],
      partitions: [
        { partition: 0, lowWatermark: 0, highWatermark: 6, from: 5, next: 6 },
        { partition: 1, lowWatermark: 0, highWatermark: 4, from: 3, next: 4 },
      ],
      unavailable: [],
    };
    expect(pagePositions(list, query)).toEqual({
      older: { start: 'timestamp', offset: undefined, timestamp: 799 },
      newer: null,
    });
  });
});
