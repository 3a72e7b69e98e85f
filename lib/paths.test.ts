import { describe, expect, it } from 'vitest';
import { apiPaths, paths } from '@/lib/paths';

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

  it('builds the API query from the same settings', () => {
    expect(apiPaths.topics('local', { q: 'x', page: 2 })).toBe('/api/clusters/local/topics?q=x&page=2');
  });
});

describe('tabs', () => {
  it('keep the first tab out of the address', () => {
    expect(paths.topic('local', 'a.b')).toBe('/clusters/local/topics/a.b');
    expect(paths.topic('local', 'a.b', 'partitions')).toBe('/clusters/local/topics/a.b');
    expect(paths.topic('local', 'a.b', 'configuration')).toBe('/clusters/local/topics/a.b?tab=configuration');
    expect(paths.group('local', 'a b', 'partitions')).toBe('/clusters/local/groups/a%20b');
    expect(paths.group('local', 'a b', 'members')).toBe('/clusters/local/groups/a%20b?tab=members');
  });
});

describe('group list addresses', () => {
  it('leaves the defaults out and keeps what differs, the topic second', () => {
    expect(paths.groups('local')).toBe('/clusters/local/groups');
    expect(paths.groups('local', { q: '', sort: 'groupId', dir: 'asc', page: 1, pageSize: 50 })).toBe(
      '/clusters/local/groups',
    );
    expect(paths.groups('local', { q: 'bill', sort: 'totalLag', dir: 'desc', page: 2 })).toBe(
      '/clusters/local/groups?q=bill&sort=totalLag&dir=desc&page=2',
    );
    expect(paths.groups('local', { sort: 'maxLag', topic: 'orders', q: 'x' })).toBe(
      '/clusters/local/groups?q=x&topic=orders&sort=maxLag',
    );
  });
});

describe('message addresses', () => {
  it('open the messages tab at a position', () => {
    expect(paths.topicMessages('local', 'orders')).toBe('/clusters/local/topics/orders?tab=messages');
    expect(paths.topicMessages('local', 'orders', { partitions: [3], start: 'offset', offset: 42 })).toBe(
      '/clusters/local/topics/orders?tab=messages&partitions=3&start=offset&offset=42',
    );
  });

  it('link one message with the decoders that are not auto', () => {
    expect(paths.message('local', 'orders', 1, 7)).toBe('/clusters/local/topics/orders/messages/1/7');
    expect(paths.message('local', 'orders', 1, 7, { keyAs: 'auto', valueAs: 'hex' })).toBe(
      '/clusters/local/topics/orders/messages/1/7?valueAs=hex',
    );
  });
});

describe('lag chart addresses', () => {
  it('write the compare page with its series and what differs from the defaults', () => {
    expect(paths.lag('local')).toBe('/clusters/local/lag');
    expect(paths.lag('local', { series: ['::a', 'orders::b'], range: '24h', metric: 'lag' })).toBe(
      '/clusters/local/lag?series=%3A%3Aa%2Corders%3A%3Ab&range=24h',
    );
  });

  it('repeat the series of the lag history API, one spec each', () => {
    expect(apiPaths.lagHistory('local', { series: ['::a b', 'orders:3:a'], from: 10, to: 20 })).toBe(
      '/api/clusters/local/lag-history?series=%3A%3Aa+b&series=orders%3A3%3Aa&from=10&to=20',
    );
  });
});
