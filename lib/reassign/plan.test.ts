import { describe, expect, it } from 'vitest';
import { planReassignment, PlanError, type PlanBroker, type PlanPartition } from '@/lib/reassign/plan';

const brokers = (n: number, racks?: string[]): PlanBroker[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, rack: racks?.[i] ?? null }));

const topic = (name: string, layout: number[][], sizeBytes = 100): PlanPartition[] =>
  layout.map((replicas, partition) => ({ topic: name, partition, replicas, sizeBytes }));

describe('planReassignment', () => {
  it('raises a replication factor onto the least loaded brokers, keeping the leaders', () => {
    const parts = topic('t', [[1], [2], [3]]);
    const plan = planReassignment(brokers(3), parts, {
      kind: 'replication-factor',
      topic: 't',
      replicationFactor: 2,
    });
    expect(plan.moves.map((m) => m.to)).toEqual([
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
    expect(plan.moves.every((m) => m.from[0] === m.to[0])).toBe(true);
    expect(plan.totalBytes).toBe(300);
    expect(plan.balance.map((b) => b.replicasAfter)).toEqual([2, 2, 2]);
  });

  it('lowers a replication factor without dropping the preferred leader', () => {
    const parts = topic('t', [
      [1, 2, 3],
      [2, 3, 1],
    ]);
    const plan = planReassignment(brokers(3), parts, {
      kind: 'replication-factor',
      topic: 't',
      replicationFactor: 1,
    });
    expect(plan.moves.map((m) => m.to)).toEqual([[1], [2]]);
    expect(plan.totalBytes).toBe(0);
  });

  it('drains a broker: each of its replicas goes elsewhere, nothing else moves', () => {
    const parts = [
      ...topic('a', [
        [1, 2],
        [2, 3],
        [3, 1],
      ]),
      ...topic('b', [[2, 3]]),
    ];
    const plan = planReassignment(brokers(4), parts, { kind: 'drain', brokerId: 1 });
    expect(plan.moves.map((m) => `${m.topic}-${m.partition}`)).toEqual(['a-0', 'a-2']);
    for (const m of plan.moves) expect(m.to).not.toContain(1);
    expect(plan.balance.find((b) => b.brokerId === 1)).toMatchObject({ replicasAfter: 0, leadersAfter: 0 });
    expect(plan.moves[0]!.to).toEqual([4, 2]);
  });

  it('refuses a drain that has nowhere to go', () => {
    const parts = topic('a', [[1, 2, 3]]);
    expect(() => planReassignment(brokers(3), parts, { kind: 'drain', brokerId: 1 })).toThrow(PlanError);
  });

  it('prefers a broker on another rack', () => {
    // Brokers 1,2 on rack a, 3 on rack b: adding a replica to [1] must pick 3, though 2 has fewer replicas.
    const parts = [...topic('t', [[1]]), ...topic('other', [[3], [3]])];
    const plan = planReassignment(brokers(3, ['a', 'a', 'b']), parts, {
      kind: 'replication-factor',
      topic: 't',
      replicationFactor: 2,
    });
    expect(plan.moves[0]!.to).toEqual([1, 3]);
  });

  it('spreads replicas and leaders evenly with few moves', () => {
    const parts = topic('t', [
      [1, 2],
      [1, 2],
      [1, 2],
      [2, 1],
    ]);
    const plan = planReassignment(brokers(3), parts, { kind: 'rebalance' });
    const after = plan.balance.map((b) => b.replicasAfter);
    expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
    const leaders = plan.balance.map((b) => b.leadersAfter);
    expect(Math.max(...leaders) - Math.min(...leaders)).toBeLessThanOrEqual(1);
    expect(plan.moves.length).toBeLessThanOrEqual(3);
  });

  it('leaves a balanced cluster alone', () => {
    const parts = topic('t', [
      [1, 2],
      [2, 3],
      [3, 1],
    ]);
    expect(planReassignment(brokers(3), parts, { kind: 'rebalance' }).moves).toEqual([]);
  });

  it('is deterministic whatever the input order', () => {
    const parts = [
      ...topic('a', [[1], [1], [1]]),
      ...topic('b', [
        [1, 2],
        [1, 3],
      ]),
    ];
    const goal = { kind: 'rebalance' } as const;
    const one = planReassignment(brokers(3), parts, goal);
    const two = planReassignment([...brokers(3)].reverse(), [...parts].reverse(), goal);
    expect(two).toEqual(one);
  });

  it('checks explicit moves', () => {
    const parts = topic('t', [[1, 2]]);
    const move = (replicas: number[], partition = 0) =>
      planReassignment(brokers(3), parts, { kind: 'move', moves: [{ topic: 't', partition, replicas }] });
    expect(move([3, 2]).moves[0]).toMatchObject({ from: [1, 2], to: [3, 2], bytesToMove: 100 });
    expect(move([1, 2]).moves).toEqual([]);
    expect(() => move([1, 1])).toThrow(/twice/);
    expect(() => move([9])).toThrow(/no broker 9/);
    expect(() => move([1], 5)).toThrow(/does not exist/);
    expect(() => move([])).toThrow(/at least one/);
  });

  it('refuses a replication factor above the broker count', () => {
    expect(() =>
      planReassignment(brokers(2), topic('t', [[1]]), {
        kind: 'replication-factor',
        topic: 't',
        replicationFactor: 3,
      }),
    ).toThrow(/larger than the 2/);
  });
});
