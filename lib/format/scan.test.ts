import { describe, expect, it } from 'vitest';
import { parseSearchSettings, searchQuery, tailQuery } from '@/lib/format/scan';

describe('parseSearchSettings', () => {
  it('defaults to a search of everything from the oldest message', () => {
    expect(parseSearchSettings(new URLSearchParams())).toEqual({
      start: 'oldest',
      q: '',
      filter: '',
      limit: 100,
    });
  });

  it('reads text, filter, partitions, positions and max matches', () => {
    const s = parseSearchSettings(
      new URLSearchParams('q=ERROR&filter=json.n+%3E+1&partitions=0,2&start=offset&offset=5&max=250'),
    );
    expect(s).toEqual({
      q: 'ERROR',
      filter: 'json.n > 1',
      partitions: '0,2',
      start: 'offset',
      offset: 5,
      limit: 250,
    });
  });

  it('falls back per setting: browse-only starts, missing positions, bad numbers', () => {
    expect(parseSearchSettings(new URLSearchParams('start=newest')).start).toBe('oldest');
    expect(parseSearchSettings(new URLSearchParams('start=timestamp')).start).toBe('oldest');
    expect(
      parseSearchSettings(new URLSearchParams('start=timestamp&timestamp=1700000000000')).timestamp,
    ).toBe(1700000000000);
    expect(parseSearchSettings(new URLSearchParams('max=abc&partitions=x')).limit).toBe(100);
    expect(parseSearchSettings(new URLSearchParams('max=5000')).limit).toBe(1000);
    expect(parseSearchSettings(new URLSearchParams('partitions=x')).partitions).toBeUndefined();
  });
});

describe('searchQuery and tailQuery', () => {
  it('leave out blank text and filter and positions of other starts', () => {
    expect(searchQuery({ start: 'oldest', q: '  ', filter: '', limit: 10, offset: 3 })).toEqual({
      partitions: undefined,
      start: 'oldest',
      offset: undefined,
      timestamp: undefined,
      q: undefined,
      filter: undefined,
      limit: 10,
    });
    expect(tailQuery({ q: 'x', filter: ' partition == 1 ', partitions: '1' })).toEqual({
      partitions: '1',
      q: 'x',
      filter: 'partition == 1',
    });
  });
});
