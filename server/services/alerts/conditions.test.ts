import { describe, expect, it } from 'vitest';
import { RuleInputSchema, type RuleInput } from '@/lib/schemas/alerts';
import {
  conditions,
  isGrowing,
  isStalled,
  step,
  undecided,
  type ClusterFacts,
  type GroupFact,
} from '@/server/services/alerts/conditions';

const NOW = 10 * 60_000;
const rule = (input: Partial<RuleInput> & Pick<RuleInput, 'kind'>) =>
  RuleInputSchema.parse({ name: 'r', ...input });

function group(
  groupId: string,
  values: Partial<{ lag: number; timeLagMs: number; expired: number }>,
  state = 'Stable',
): GroupFact {
  const v = {
    lag: values.lag ?? 0,
    timeLagMs: values.timeLagMs ?? null,
    expired: values.expired ?? 0,
    history: [],
  };
  return {
    groupId,
    state,
    topics: new Map([
      ['', v],
      ['orders', { ...v }],
    ]),
  };
}

function facts(over: Partial<ClusterFacts> = {}): ClusterFacts {
  return {
    clusterId: 'c1',
    at: NOW,
    unreachable: null,
    groups: [],
    topology: {
      liveBrokers: [1, 2, 3],
      knownBrokers: [1, 2, 3],
      controllerId: 1,
      partitions: [
        { topic: 'orders', partition: 0, leader: 1, isr: 3, replicas: 3 },
        { topic: 'orders', partition: 1, leader: 2, isr: 3, replicas: 3 },
      ],
    },
    previousControllerId: 1,
    ...over,
  };
}

describe('step', () => {
  it('goes pending, then firing once `for` has passed, then resolved', () => {
    const first = step(undefined, true, 120_000, 0);
    expect(first).toEqual({ next: { status: 'pending', since: 0, firedAt: null }, event: null });
    const second = step(first.next!, true, 120_000, 60_000);
    expect(second.event).toBeNull();
    const third = step(second.next!, true, 120_000, 120_000);
    expect(third).toEqual({ next: { status: 'firing', since: 0, firedAt: 120_000 }, event: 'firing' });
    expect(step(third.next!, true, 120_000, 180_000).event).toBeNull();
    expect(step(third.next!, false, 120_000, 240_000)).toEqual({ next: null, event: 'resolved' });
  });

  it('drops a pending state silently and fires at once without `for`', () => {
    expect(step({ status: 'pending', since: 0, firedAt: null }, false, 60_000, 30_000)).toEqual({
      next: null,
      event: null,
    });
    expect(step(undefined, true, 0, 5).event).toBe('firing');
  });
});

describe('group conditions', () => {
  const groups = [
    group('payments-eu', { lag: 500, timeLagMs: 90_000 }),
    group('billing', { lag: 5_000 }),
    group('payments-us', { lag: 10 }),
  ];

  it('lag_above picks the groups of its pattern above the threshold', () => {
    const found = conditions.lag_above(
      rule({ kind: 'lag_above', threshold: 100, groups: 'payments-*' }),
      facts({ groups }),
    );
    expect(found).toEqual([{ subject: 'group:payments-eu', value: 500, threshold: 100, detail: null }]);
  });

  it('a topic pattern makes each (group, topic) a subject', () => {
    const found = conditions.lag_above(
      rule({ kind: 'lag_above', threshold: 100, topics: 'ord*' }),
      facts({ groups }),
    );
    expect(found?.map((f) => f.subject)).toEqual([
      'group:payments-eu/topic:orders',
      'group:billing/topic:orders',
    ]);
  });

  it('time_lag_above, expired and no_members', () => {
    expect(
      conditions
        .time_lag_above(rule({ kind: 'time_lag_above', threshold: '1m' }), facts({ groups }))
        ?.map((f) => f.subject),
    ).toEqual(['group:payments-eu']);
    const expired = [group('old', { lag: 3, expired: 2 })];
    expect(conditions.expired(rule({ kind: 'expired' }), facts({ groups: expired }))?.[0]?.value).toBe(2);
    const empty = [group('idle', { lag: 3 }, 'Empty'), group('busy', { lag: 3 })];
    expect(
      conditions.no_members(rule({ kind: 'no_members' }), facts({ groups: empty }))?.map((f) => f.subject),
    ).toEqual(['group:idle']);
  });

  it('answers null (states left alone) when the groups could not be read', () => {
    expect(
      conditions.lag_above(rule({ kind: 'lag_above', threshold: 1 }), facts({ groups: null })),
    ).toBeNull();
  });

  it('stalled: committed offsets frozen across a minute while lag grew', () => {
    const p = (t: number, lag: number, committed: number) => ({ t, lag, committed });
    expect(isStalled([p(0, 10, 100), p(60_000, 25, 100)])).toBe(true);
    expect(isStalled([p(0, 10, 100), p(60_000, 10, 100)])).toBe(false); // nothing new to read
    expect(isStalled([p(0, 10, 100), p(60_000, 25, 110)])).toBe(false); // it moves
    expect(isStalled([p(30_000, 10, 100), p(60_000, 25, 100)])).toBe(false); // too short to tell
  });

  it('lag_growing: never falling across the window, up overall', () => {
    const p = (t: number, lag: number) => ({ t, lag, committed: 0 });
    const window = 4 * 60_000;
    expect(isGrowing([p(NOW - 240_000, 1), p(NOW - 120_000, 5), p(NOW, 9)], window, NOW)).toBe(true);
    expect(isGrowing([p(NOW - 240_000, 1), p(NOW - 120_000, 9), p(NOW, 5)], window, NOW)).toBe(false);
    expect(isGrowing([p(NOW - 60_000, 1), p(NOW, 9)], window, NOW)).toBe(false); // too little of the window
  });
});

describe('connector_failed', () => {
  it('decides about the connectors of the Connect clusters that answered, and nothing about the others', () => {
    const r = rule({ kind: 'connector_failed' });
    const f = facts({
      connectors: [
        { connect: 'a', name: 'sink', state: 'RUNNING', tasks: 2, tasksFailed: 1, reason: 'boom' },
        { connect: 'a', name: 'ok', state: 'RUNNING', tasks: 1, tasksFailed: 0, reason: null },
      ],
      connectDown: ['b'],
    });
    expect(conditions.connector_failed(r, f)).toEqual([
      { subject: 'connector:a/sink', value: 1, threshold: null, detail: '1 of 2 task(s) FAILED: boom' },
    ]);
    expect(undecided(r, 'connector:b/sink', f)).toBe(true);
    expect(undecided(r, 'connector:a/ok', f)).toBe(false);
    expect(undecided(r, 'connector:bb/sink', f)).toBe(false);
    expect(undecided(rule({ kind: 'broker_down' }), 'connector:b/sink', f)).toBe(false);
  });
});

describe('cluster conditions', () => {
  it('stay quiet on a healthy cluster', () => {
    for (const kind of [
      'broker_down',
      'under_replicated',
      'offline_partitions',
      'controller_changed',
      'cluster_unreachable',
    ] as const)
      expect(conditions[kind](rule({ kind }), facts())).toEqual([]);
  });

  it('broker_down: a known broker missing, or fewer live brokers than expected', () => {
    const down = facts({ topology: { ...facts().topology!, liveBrokers: [1, 3] } });
    expect(conditions.broker_down(rule({ kind: 'broker_down' }), down)).toEqual([
      { subject: 'cluster', value: 2, threshold: 3, detail: 'broker 2 down' },
    ]);
    expect(conditions.broker_down(rule({ kind: 'broker_down', threshold: 4 }), facts())?.[0]?.value).toBe(3);
  });

  it('under-replicated and offline partitions above the number allowed', () => {
    const t = facts().topology!;
    const bad = facts({
      topology: {
        ...t,
        partitions: [
          { topic: 'orders', partition: 0, leader: null, isr: 0, replicas: 3 },
          { topic: 'audit', partition: 0, leader: 1, isr: 2, replicas: 3 },
        ],
      },
    });
    expect(conditions.under_replicated(rule({ kind: 'under_replicated' }), bad)?.[0]).toMatchObject({
      value: 2,
      detail: 'topics audit, orders',
    });
    expect(conditions.under_replicated(rule({ kind: 'under_replicated', threshold: 2 }), bad)).toEqual([]);
    expect(
      conditions.offline_partitions(rule({ kind: 'offline_partitions', topics: 'ord*' }), bad)?.[0]?.value,
    ).toBe(1);
  });

  it('controller_changed and cluster_unreachable', () => {
    expect(
      conditions.controller_changed(
        rule({ kind: 'controller_changed' }),
        facts({ previousControllerId: 2 }),
      )?.[0]?.detail,
    ).toBe('controller 2 → 1');
    expect(
      conditions.controller_changed(
        rule({ kind: 'controller_changed' }),
        facts({ previousControllerId: null }),
      ),
    ).toEqual([]);
    const gone = facts({ unreachable: 'connection refused', topology: null, groups: null });
    expect(conditions.cluster_unreachable(rule({ kind: 'cluster_unreachable' }), gone)?.[0]?.detail).toBe(
      'connection refused',
    );
    expect(conditions.broker_down(rule({ kind: 'broker_down' }), gone)).toBeNull();
  });
});
