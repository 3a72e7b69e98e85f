import { describe, expect, it } from 'vitest';
import { groupListView, topicListView, transactionListView } from '@/lib/url-state/lists';
import { read, roundTrip, write } from '@/lib/url-state/testing';
import { GroupListQuerySchema } from '@/lib/schemas/group';
import { TopicListQuerySchema } from '@/lib/schemas/topic';
import { TransactionListQuerySchema } from '@/lib/schemas/transaction';

describe('the topic list', () => {
  it('defaults to the API defaults', () => {
    expect(read(topicListView)).toEqual(TopicListQuerySchema.parse({}));
    expect(read(topicListView)).toEqual({
      q: '',
      internal: 'hide',
      sort: 'name',
      dir: 'asc',
      page: 1,
      pageSize: 50,
    });
  });

  it('reads what it wrote, leaving defaults out', () => {
    const state = { ...topicListView.defaults, q: 'orders', sort: 'sizeBytes' as const, pageSize: 100 };
    expect(write(topicListView, state)).toBe('q=orders&sort=sizeBytes&pageSize=100');
    expect(roundTrip(topicListView, state)).toEqual(state);
    const every = {
      q: 'a b',
      internal: 'show',
      sort: 'messages',
      dir: 'desc',
      page: 3,
      pageSize: 10,
    } as const;
    expect(roundTrip(topicListView, every)).toEqual(every);
  });

  it('keeps to the bounds of the API and falls back per setting', () => {
    expect(read(topicListView, 'page=abc&sort=nope&dir=up&pageSize=5&internal=show&q=%20x%20')).toEqual({
      ...topicListView.defaults,
      q: 'x',
      internal: 'show',
    });
    expect(read(topicListView, 'pageSize=500').pageSize).toBe(500);
    expect(read(topicListView, 'pageSize=501').pageSize).toBe(50);
    expect(read(topicListView, 'page=0').page).toBe(1);
    expect(read(topicListView, `q=${'x'.repeat(250)}`).q).toBe('');
  });
});

describe('the group list', () => {
  it('defaults to the API defaults, without a topic', () => {
    expect(read(groupListView)).toEqual(GroupListQuerySchema.parse({}));
    expect(read(groupListView).topic).toBeUndefined();
  });

  it('reads what it wrote, the topic filter included', () => {
    const state = { ...groupListView.defaults, topic: 'orders', sort: 'maxLag' as const, pageSize: 100 };
    expect(write(groupListView, state)).toBe('topic=orders&sort=maxLag&pageSize=100');
    expect(roundTrip(groupListView, state)).toEqual(state);
  });

  it('falls back per setting when a value is bad', () => {
    expect(read(groupListView, 'page=0&sort=members&dir=down&pageSize=9999&q=%20a%20')).toEqual({
      ...groupListView.defaults,
      q: 'a',
    });
    expect(read(groupListView, `topic=${'t'.repeat(250)}&dir=desc`)).toEqual({
      ...groupListView.defaults,
      dir: 'desc',
    });
  });
});

describe('the transactional-id list', () => {
  it('defaults to the API defaults and reads what it wrote, leaving defaults out', () => {
    expect(read(transactionListView)).toEqual(TransactionListQuerySchema.parse({}));
    expect(read(transactionListView)).toEqual({ q: '', state: undefined, page: 1, pageSize: 50 });
    const state = { q: 'orders', state: 'Ongoing' as const, page: 3, pageSize: 100 };
    expect(write(transactionListView, state)).toBe('q=orders&state=Ongoing&page=3&pageSize=100');
    expect(roundTrip(transactionListView, state)).toEqual(state);
  });

  it('keeps to the bounds of the API and falls back per setting', () => {
    expect(read(transactionListView, 'state=Stuck&page=0&pageSize=5000&q=x')).toEqual({
      ...transactionListView.defaults,
      q: 'x',
    });
  });
});
