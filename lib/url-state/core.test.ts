import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineView,
  listItems,
  parseUrlState,
  searchOf,
  serializeUrlState,
  toSearch,
} from '@/lib/url-state/core';
import { groupListView, topicListView } from '@/lib/url-state/lists';
import {
  configListView,
  groupPageView,
  groupPartitionsView,
  messagesTabView,
  messageView,
  topicPageView,
} from '@/lib/url-state/pages';
import { read, roundTrip, write } from '@/lib/url-state/testing';

const view = defineView({
  n: z.coerce.number().int().min(1).max(9).default(5),
  word: z.enum(['a', 'b']).default('a'),
  list: z
    .string()
    .transform((s) => s.split(','))
    .nullable()
    .default(null),
  maybe: z.string().optional(),
});

describe('defineView', () => {
  it('reads an address without the params as the defaults', () => {
    expect(view.defaults).toEqual({ n: 5, word: 'a', list: null, maybe: undefined });
    expect(read(view)).toEqual(view.defaults);
    expect(view.keys).toEqual(['n', 'word', 'list', 'maybe']);
  });

  it('falls back param by param: a bad one takes its default, the others are kept', () => {
    expect(read(view, 'n=10&word=b')).toEqual({ ...view.defaults, word: 'b' });
    expect(read(view, 'n=x&word=c&maybe=m')).toEqual({ ...view.defaults, maybe: 'm' });
  });

  it('ignores params it does not know', () => {
    expect(read(view, 'tab=messages&n=2')).toEqual({ ...view.defaults, n: 2 });
  });
});

describe('serializeUrlState', () => {
  it('writes only the keys of the patch, in the view order, null where the value reads as absent', () => {
    expect(serializeUrlState(view, { word: 'b', n: 3 })).toEqual({ n: '3', word: 'b' });
    expect(serializeUrlState(view, { n: 5, maybe: undefined, list: null })).toEqual({
      n: null,
      list: null,
      maybe: null,
    });
  });

  it('writes lists comma-separated, an empty one as absent', () => {
    expect(serializeUrlState(view, { list: ['x', 'y'] })).toEqual({ list: 'x,y' });
    expect(serializeUrlState(view, { list: [] })).toEqual({ list: null });
  });

  it('escapes commas and percent signs inside list items, and listItems reads them back', () => {
    const items = ['a,b', '100%', '%2C', 'plain'];
    const written = serializeUrlState(view, { list: items }).list!;
    expect(written).toBe('a%2Cb,100%25,%252C,plain');
    expect(listItems(written)).toEqual(items);
    expect(listItems('x,y')).toEqual(['x', 'y']);
  });

  it('round-trips', () => {
    const state = { n: 7, word: 'b' as const, list: ['p', 'q'], maybe: 'z' };
    expect(write(view, state)).toBe('n=7&word=b&list=p%2Cq&maybe=z');
    expect(roundTrip(view, state)).toEqual(state);
  });
});

describe('toSearch', () => {
  it('leaves out what is not set and encodes the rest', () => {
    expect(toSearch()).toBe('');
    expect(toSearch({ a: null, b: undefined, c: '' })).toBe('');
    expect(toSearch({ q: 'a b', page: 2, x: null })).toBe('?q=a+b&page=2');
  });
});

describe('tabs, modes, sorts and filters', () => {
  it('default to the first tab and mode, and fall back to them', () => {
    expect(read(topicPageView).tab).toBe('partitions');
    expect(read(topicPageView, 'tab=bogus').tab).toBe('partitions');
    expect(read(topicPageView, 'tab=configuration').tab).toBe('configuration');
    expect(read(groupPageView, 'tab=lag').tab).toBe('lag');
    expect(read(groupPageView, 'tab=messages').tab).toBe('partitions');
    expect(read(messagesTabView).mode).toBe('browse');
    expect(read(messagesTabView, 'mode=tail').mode).toBe('tail');
    expect(read(messagesTabView, 'mode=TAIL').mode).toBe('browse');
  });

  it('keep defaults out of the address', () => {
    expect(write(topicPageView, { tab: 'partitions' })).toBe('');
    expect(write(messagesTabView, { mode: 'browse' })).toBe('');
    expect(write(messagesTabView, { mode: 'search' })).toBe('mode=search');
    expect(write(groupPartitionsView, { psort: 'partition', pdir: 'asc' })).toBe('');
    expect(write(configListView, { cq: '', overrides: undefined })).toBe('');
  });

  it('read sorts, filters and decoders, falling back on bad values', () => {
    expect(read(groupPartitionsView, 'psort=lag&pdir=desc')).toEqual({ psort: 'lag', pdir: 'desc' });
    expect(read(groupPartitionsView, 'psort=members&pdir=down')).toEqual(groupPartitionsView.defaults);
    expect(read(configListView, 'cq=retention&overrides=only')).toEqual({
      cq: 'retention',
      overrides: 'only',
    });
    expect(read(configListView, 'overrides=all').overrides).toBeUndefined();
    expect(read(messageView, 'keyAs=hex&valueAs=html')).toEqual({ keyAs: 'hex', valueAs: 'auto' });
  });

  it('round-trip', () => {
    expect(roundTrip(topicPageView, { tab: 'consumers' })).toEqual({ tab: 'consumers' });
    expect(roundTrip(groupPageView, { tab: 'members' })).toEqual({ tab: 'members' });
    expect(roundTrip(messagesTabView, { mode: 'tail' })).toEqual({ mode: 'tail' });
    const sort = { psort: 'timeLagMs', pdir: 'desc' } as const;
    expect(roundTrip(groupPartitionsView, sort)).toEqual(sort);
    const filter = { cq: 'a b,c', overrides: 'only' } as const;
    expect(roundTrip(configListView, filter)).toEqual(filter);
    const decoders = { keyAs: 'msgpack', valueAs: 'base64' } as const;
    expect(roundTrip(messageView, decoders)).toEqual(decoders);
  });
});

describe('searchOf', () => {
  it('reads a page’s searchParams as the browser reads its address, so the server’s query keys are the browser’s', () => {
    const address = '?q=orders&sort=messages&dir=desc&page=2&page=3&pageSize=oops&topic=t';
    const params: Record<string, string | string[]> = {};
    for (const [key, value] of new URLSearchParams(address)) {
      const seen = params[key];
      params[key] = seen === undefined ? value : [seen].flat().concat(value);
    }
    const search = new URLSearchParams(address);
    expect(parseUrlState(topicListView, searchOf(params))).toEqual(parseUrlState(topicListView, search));
    expect(parseUrlState(groupListView, searchOf(params))).toEqual(parseUrlState(groupListView, search));
    expect(parseUrlState(topicListView, searchOf({}))).toEqual(topicListView.defaults);
  });
});
