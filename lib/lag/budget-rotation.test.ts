import { describe, expect, it } from 'vitest';
import { BudgetRotation } from '@/lib/lag/budget-rotation';

/** What readTimeLags does with a budget of `n` groups: the first `n` lagging ones in the order given get one. */
const serve = (order: string[], lagging: Set<string>, n: number) =>
  new Map(
    order
      .filter((g) => lagging.has(g))
      .slice(0, n)
      .map((g) => [g, new Map([['t\u00000', 1]])]),
  );

describe('the time-lag budget rotation', () => {
  it('serves every lagging group within a few rounds when one round covers only some', () => {
    const groups = Array.from({ length: 10 }, (_, i) => `g${i}`);
    const lagging = new Set(groups.filter((_, i) => i % 4 !== 1)); // 7 of 10 lag
    const rotation = new BudgetRotation();
    const seen = new Set<string>();
    const rounds: string[][] = [];
    for (let round = 0; round < 3; round++) {
      const order = rotation.order('c', groups, new Set());
      const served = serve(order, lagging, 3);
      rotation.advance('c', order, new Set(), served);
      rounds.push([...served.keys()]);
      served.forEach((_, g) => seen.add(g));
    }
    expect(rounds).toEqual([
      ['g0', 'g2', 'g3'],
      ['g4', 'g6', 'g7'],
      ['g8', 'g0', 'g2'],
    ]);
    expect([...seen].sort()).toEqual([...lagging].sort());
  });

  it('puts opened groups first in every round, and keeps clusters apart', () => {
    const rotation = new BudgetRotation();
    const groups = ['a', 'b', 'c', 'd'];
    const opened = new Set(['c']);
    const first = rotation.order('one', groups, opened);
    expect(first).toEqual(['c', 'a', 'b', 'd']);
    rotation.advance('one', first, opened, serve(first, new Set(groups), 2));
    expect(rotation.order('one', groups, opened)).toEqual(['c', 'b', 'd', 'a']);
    expect(rotation.order('two', groups, opened)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('stays where it is when nothing lags', () => {
    const rotation = new BudgetRotation();
    const order = rotation.order('c', ['a', 'b'], new Set());
    rotation.advance('c', order, new Set(), new Map());
    expect(rotation.order('c', ['a', 'b'], new Set())).toEqual(['a', 'b']);
  });
});
