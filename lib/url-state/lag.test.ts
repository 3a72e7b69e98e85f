import { describe, expect, it } from 'vitest';
import { groupLagView, groupTokenSpec, lagCompareView } from '@/lib/url-state/lag';
import { read, roundTrip, write } from '@/lib/url-state/testing';

describe('the group page lag chart in the address', () => {
  it('defaults to the group total over the last hour, and leaves defaults out', () => {
    expect(read(groupLagView)).toEqual({
      series: ['*'],
      range: '1h',
      metric: 'lag',
      from: undefined,
      to: undefined,
    });
    expect(write(groupLagView, groupLagView.defaults)).toBe('');
  });

  it('reads topics and partitions as tokens, dropping what no topic name can be', () => {
    expect(read(groupLagView, 'series=*,orders,orders:3,bad name,a:b,orders').series).toEqual([
      '*',
      'orders',
      'orders:3',
    ]);
    expect(read(groupLagView, 'series=,,').series).toEqual(['*']);
    expect(groupTokenSpec('g', '*')).toBe('::g');
    expect(groupTokenSpec('g', 'orders')).toBe('orders::g');
    expect(groupTokenSpec('g:x', 'orders:3')).toBe('orders:3:g:x');
  });

  it('keeps a zoom only with both ends in order and within 31 days', () => {
    expect(read(groupLagView, 'from=1000&to=5000')).toMatchObject({ from: 1000, to: 5000 });
    for (const search of [
      'from=1000',
      'from=5000&to=1000',
      'from=0&to=9999999999999',
      'from=-1&to=5',
      'from=1e3&to=5000',
    ])
      expect(read(groupLagView, search)).toMatchObject({ from: undefined, to: undefined });
  });

  it('falls back param by param and round-trips', () => {
    expect(read(groupLagView, 'range=2h&metric=consume')).toMatchObject({ range: '1h', metric: 'consume' });
    const state = { series: ['orders:2', '*'], range: '7d', metric: 'timeLag', from: 10, to: 20 } as const;
    expect(roundTrip(groupLagView, { ...state, series: [...state.series] })).toEqual(state);
  });
});

describe('the compare page in the address', () => {
  it('reads series specs of any group id, commas included, at most 12', () => {
    const specs = ['::billing', 'orders::a,b', 'orders:3:100%'];
    const search = write(lagCompareView, { series: specs });
    expect(search).toBe('series=%3A%3Abilling%2Corders%3A%3Aa%252Cb%2Corders%3A3%3A100%2525');
    expect(read(lagCompareView, search).series).toEqual(specs);
    const many = Array.from({ length: 14 }, (_, i) => `::g${i}`);
    expect(read(lagCompareView, write(lagCompareView, { series: many })).series).toHaveLength(12);
  });

  it('drops specs that are not one, and duplicates', () => {
    expect(read(lagCompareView, 'series=::a,::a,nope,:3:a,t::b').series).toEqual(['::a', 't::b']);
    expect(read(lagCompareView).series).toEqual([]);
  });
});
