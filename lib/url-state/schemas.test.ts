import { describe, expect, it } from 'vitest';
import { paths } from '@/lib/paths';
import { subjectListView } from '@/lib/url-state/lists';
import { diffPair, subjectPageView } from '@/lib/url-state/pages';
import { read, roundTrip, write } from '@/lib/url-state/testing';
import { SubjectListQuerySchema } from '@/lib/schemas/schema-registry';

describe('the subject list', () => {
  it("defaults to the API's defaults and keeps to its bounds", () => {
    expect(read(subjectListView)).toEqual(SubjectListQuerySchema.parse({}));
    expect(read(subjectListView, 'q=%20pay%20&deleted=show&pageSize=500&page=0')).toEqual({
      ...subjectListView.defaults,
      q: 'pay',
      deleted: 'show',
    });
    const state = { q: 'orders', deleted: 'show', page: 2, pageSize: 10 } as const;
    expect(roundTrip(subjectListView, state)).toEqual(state);
  });
});

describe("a subject's page", () => {
  it('shows the latest version by default, a named one, or a diff in its own tab', () => {
    expect(read(subjectPageView)).toEqual({ tab: 'schema', version: undefined, diff: undefined });
    expect(read(subjectPageView, 'version=3')).toMatchObject({ tab: 'schema', version: 3 });
    expect(read(subjectPageView, 'diff=1..3')).toMatchObject({ tab: 'diff', diff: '1..3' });
    expect(read(subjectPageView, 'tab=compatibility')).toMatchObject({ tab: 'compatibility' });
    // A bad value falls back alone.
    expect(read(subjectPageView, 'version=0&diff=1..x&tab=nope')).toEqual(subjectPageView.defaults);
    expect(write(subjectPageView, { tab: 'schema', version: 2 })).toBe('version=2');
  });

  it('reads the two versions of a diff', () => {
    expect(diffPair('2..5')).toEqual([2, 5]);
    expect(diffPair(undefined)).toBeNull();
  });

  it('has addresses that keep a subject name whole', () => {
    expect(paths.subject('local', 'orders/v1-value', { diff: '1..2' })).toBe(
      '/clusters/local/schemas/orders%2Fv1-value?diff=1..2',
    );
    expect(paths.schemas('local', { q: 'a', page: 1 })).toBe('/clusters/local/schemas?q=a');
  });
});
