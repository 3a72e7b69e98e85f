import { describe, expect, it } from 'vitest';
import { pagePositions, parseBrowseSearch } from '@/lib/format/message-browse';
import type { MessageList } from '@/lib/schemas/message';

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

describe('parseBrowseSearch', () => {
  it('defaults to the newest 100 of every partition, decoded automatically', () => {
    expect(parseBrowseSearch(new URLSearchParams())).toEqual({
      query: { start: 'newest', limit: 100, maxBytes: 16_384 },
      keyAs: 'auto',
      valueAs: 'auto',
    });
  });

  it('reads a position, partitions, a limit and decoders', () => {
    const s = parseBrowseSearch(
      new URLSearchParams('start=offset&offset=42&partitions=0,2&limit=20&valueAs=hex'),
    );
    expect(s.query).toEqual({ start: 'offset', offset: 42, partitions: '0,2', limit: 20, maxBytes: 16_384 });
    expect(s.valueAs).toBe('hex');
  });

  it('falls back setting by setting on bad values', () => {
    const s = parseBrowseSearch(new URLSearchParams('start=offset&limit=9999&partitions=a&keyAs=html'));
    expect(s.query).toEqual({ start: 'newest', limit: 100, maxBytes: 16_384 });
    expect(s.keyAs).toBe('auto');
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
      older: { start: 'offset', offset: 6, timestamp: null },
      newer: { start: 'offset', offset: 10, timestamp: null },
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
      older: { start: 'timestamp', offset: null, timestamp: 799 },
      newer: null,
    });
  });
});
