import { describe, expect, it } from 'vitest';
import { browseView } from '@/lib/url-state/browse';
import { searchQuery, searchView, tailQuery, tailView, type TailState } from '@/lib/url-state/scan';
import { read, roundTrip, write } from '@/lib/url-state/testing';
import { SEARCH_MATCHES_MAX } from '@/lib/schemas/search';

describe('the search view', () => {
  it('defaults to a search of everything from the oldest message', () => {
    expect(read(searchView)).toEqual({
      partitions: null,
      start: 'oldest',
      q: '',
      filter: '',
      max: 100,
      keyAs: 'auto',
      valueAs: 'auto',
    });
  });

  it('reads text, filter, partitions, positions and max matches', () => {
    const s = read(searchView, 'q=ERROR&filter=json.n+%3E+1&partitions=0,2&start=offset&offset=5&max=250');
    expect(s).toEqual({
      ...searchView.defaults,
      q: 'ERROR',
      filter: 'json.n > 1',
      partitions: [0, 2],
      start: 'offset',
      offset: 5,
      max: 250,
    });
  });

  it('falls back per setting: browse-only starts, missing positions, bad numbers', () => {
    expect(read(searchView, 'start=newest').start).toBe('oldest');
    expect(read(searchView, 'start=timestamp').start).toBe('oldest');
    expect(read(searchView, 'start=timestamp&timestamp=1700000000000').timestamp).toBe(1700000000000);
    expect(read(searchView, 'max=abc&partitions=x')).toEqual(searchView.defaults);
    expect(read(searchView, 'max=0').max).toBe(100);
    expect(read(searchView, `q=${'q'.repeat(1001)}&filter=${'f'.repeat(4001)}`)).toEqual(searchView.defaults);
  });

  it('asks for the most the API allows when the address asks for more', () => {
    expect(read(searchView, `max=${SEARCH_MATCHES_MAX}`).max).toBe(SEARCH_MATCHES_MAX);
    expect(read(searchView, 'max=5000').max).toBe(SEARCH_MATCHES_MAX);
  });

  it('writes its start even where it is the search default, so browsing finds it too', () => {
    expect(write(searchView, { start: 'oldest' })).toBe('start=oldest');
    expect(read(browseView, 'start=oldest').start).toBe('oldest');
  });

  it('round-trips', () => {
    // Absent, a start reads as newest (browsing's default), so the search's own default is written out.
    expect(write(searchView, searchView.defaults)).toBe('start=oldest');
    const state = {
      ...searchView.defaults,
      partitions: [1],
      start: 'timestamp' as const,
      timestamp: 1700000000000,
      q: 'a&b',
      filter: 'json.status == "x"',
      max: 20,
      valueAs: 'json' as const,
    };
    expect(roundTrip(searchView, state)).toEqual(state);
    expect(roundTrip(searchView, searchView.defaults)).toEqual(searchView.defaults);
  });
});

describe('the tail view', () => {
  it('defaults to every partition, no text or filter', () => {
    expect(read(tailView)).toEqual({ partitions: null, q: '', filter: '', keyAs: 'auto', valueAs: 'auto' });
    expect(read(tailView, 'partitions=x&keyAs=nope')).toEqual(tailView.defaults);
  });

  it('round-trips', () => {
    const state: TailState = {
      partitions: [0, 3],
      q: 'x',
      filter: 'partition == 0',
      keyAs: 'text',
      valueAs: 'hex',
    };
    expect(write(tailView, state)).toBe(
      'partitions=0%2C3&q=x&filter=partition+%3D%3D+0&keyAs=text&valueAs=hex',
    );
    expect(roundTrip(tailView, state)).toEqual(state);
  });
});

describe('searchQuery and tailQuery', () => {
  it('leave out blank text and filter and positions of other starts', () => {
    const state = { ...searchView.defaults, q: '  ', max: 10, offset: 3 };
    expect(searchQuery(state)).toEqual({
      partitions: undefined,
      start: 'oldest',
      offset: undefined,
      timestamp: undefined,
      q: undefined,
      filter: undefined,
      limit: 10,
    });
    expect(tailQuery({ q: 'x', filter: ' partition == 1 ', partitions: [1, 2] })).toEqual({
      partitions: '1,2',
      q: 'x',
      filter: 'partition == 1',
    });
  });
});
