import { describe, expect, it } from 'vitest';
import {
  apiPaths,
  parseGroupListSearch,
  parseGroupTab,
  parseTopicListSearch,
  parseTopicTab,
  paths,
} from '@/lib/paths';

describe('topic list addresses', () => {
  it('leaves the defaults out', () => {
    expect(paths.topics('local')).toBe('/clusters/local/topics');
    expect(
      paths.topics('local', { q: '', page: 1, sort: 'name', dir: 'asc', internal: 'hide', pageSize: 50 }),
    ).toBe('/clusters/local/topics');
  });

  it('keeps what differs, encoded', () => {
    expect(
      paths.topics('local', { q: 'a b', page: 3, sort: 'messages', dir: 'desc', internal: 'show' }),
    ).toBe('/clusters/local/topics?q=a+b&internal=show&sort=messages&dir=desc&page=3');
  });

  it('reads back what it wrote', () => {
    const url = new URL(paths.topics('local', { q: 'orders', sort: 'sizeBytes', pageSize: 100 }), 'http://x');
    expect(parseTopicListSearch(url.searchParams)).toEqual({
      q: 'orders',
      internal: 'hide',
      sort: 'sizeBytes',
      dir: 'asc',
      page: 1,
      pageSize: 100,
    });
  });

  it('falls back per setting when a value is bad', () => {
    const search = new URLSearchParams('page=abc&sort=nope&dir=up&pageSize=5&internal=show&q=%20x%20');
    expect(parseTopicListSearch(search)).toEqual({
      q: 'x',
      internal: 'show',
      sort: 'name',
      dir: 'asc',
      page: 1,
      pageSize: 50,
    });
  });

  it('builds the API query from the same settings', () => {
    expect(apiPaths.topics('local', { q: 'x', page: 2 })).toBe('/api/clusters/local/topics?q=x&page=2');
  });
});

describe('topic tabs', () => {
  it('defaults to partitions and keeps it out of the address', () => {
    expect(parseTopicTab(null)).toBe('partitions');
    expect(parseTopicTab('bogus')).toBe('partitions');
    expect(parseTopicTab('configuration')).toBe('configuration');
    expect(paths.topic('local', 'a.b', 'partitions')).toBe('/clusters/local/topics/a.b');
    expect(paths.topic('local', 'a.b', 'configuration')).toBe('/clusters/local/topics/a.b?tab=configuration');
  });
});

describe('group list addresses', () => {
  it('leaves the defaults out and keeps what differs', () => {
    expect(paths.groups('local')).toBe('/clusters/local/groups');
    expect(paths.groups('local', { q: '', sort: 'groupId', dir: 'asc', page: 1, pageSize: 50 })).toBe(
      '/clusters/local/groups',
    );
    expect(paths.groups('local', { q: 'bill', sort: 'totalLag', dir: 'desc', page: 2 })).toBe(
      '/clusters/local/groups?q=bill&sort=totalLag&dir=desc&page=2',
    );
  });

  it('reads back what it wrote, the topic filter included', () => {
    const url = new URL(
      paths.groups('local', { topic: 'orders', sort: 'maxLag', pageSize: 100 }),
      'http://x',
    );
    expect(parseGroupListSearch(url.searchParams)).toEqual({
      q: '',
      topic: 'orders',
      sort: 'maxLag',
      dir: 'asc',
      page: 1,
      pageSize: 100,
    });
  });

  it('falls back per setting when a value is bad', () => {
    const search = new URLSearchParams('page=0&sort=members&dir=down&pageSize=9999&q=%20a%20');
    expect(parseGroupListSearch(search)).toEqual({
      q: 'a',
      sort: 'groupId',
      dir: 'asc',
      page: 1,
      pageSize: 50,
    });
  });
});

describe('group tabs', () => {
  it('defaults to partitions and keeps it out of the address', () => {
    expect(parseGroupTab(null)).toBe('partitions');
    expect(parseGroupTab('lag')).toBe('lag');
    expect(paths.group('local', 'a b', 'partitions')).toBe('/clusters/local/groups/a%20b');
    expect(paths.group('local', 'a b', 'members')).toBe('/clusters/local/groups/a%20b?tab=members');
  });
});
