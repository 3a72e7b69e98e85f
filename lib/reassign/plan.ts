/**
 * The reassignment planner: a pure function from the cluster's replica layout and a goal to the
 * partitions to move. Deterministic (brokers and partitions are visited in a fixed order, ties go
 * round the broker ring), minimal (a partition is only in the plan when its replica list changes, and
 * a goal only touches the partitions it has to) and rack-aware (a candidate on a rack the partition's
 * other replicas do not use is preferred, when brokers have racks).
 */

export interface PlanBroker {
  id: number;
  rack: string | null;
}

export interface PlanPartition {
  topic: string;
  partition: number;
  replicas: number[];
  /** The partition's size (its largest replica's log), for the bytes a move copies. */
  sizeBytes: number;
}

export type PlanGoal =
  | { kind: 'move'; moves: { topic: string; partition: number; replicas: number[] }[] }
  | { kind: 'replication-factor'; topic: string; replicationFactor: number }
  | { kind: 'drain'; brokerId: number; topics?: string[] }
  | { kind: 'rebalance'; topics?: string[] };

export interface PlannedMove {
  topic: string;
  partition: number;
  from: number[];
  to: number[];
  /** Bytes copied to the replicas being added: the partition's size once per new replica. */
  bytesToMove: number;
}

export interface BrokerBalance {
  brokerId: number;
  replicasBefore: number;
  replicasAfter: number;
  /** Preferred leaders (first replica): where leaders go after a preferred election. */
  leadersBefore: number;
  leadersAfter: number;
}

export interface Plan {
  moves: PlannedMove[];
  balance: BrokerBalance[];
  totalBytes: number;
}

export class PlanError extends Error {
  override name = 'PlanError';
}

const key = (p: { topic: string; partition: number }) => `${p.topic}\u0000${p.partition}`;

function byPartition(a: { topic: string; partition: number }, b: { topic: string; partition: number }) {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}

class Layout {
  readonly assignment = new Map<string, number[]>();
  readonly replicas = new Map<number, number>();
  readonly leaders = new Map<number, number>();
  readonly rack = new Map<number, string | null>();
  readonly racked: boolean;

  constructor(
    readonly brokers: PlanBroker[],
    partitions: PlanPartition[],
  ) {
    for (const b of brokers) {
      this.rack.set(b.id, b.rack);
      this.replicas.set(b.id, 0);
      this.leaders.set(b.id, 0);
    }
    this.racked = brokers.some((b) => b.rack !== null);
    for (const p of partitions) this.set(p, [...p.replicas]);
  }

  private count(list: number[], by: number) {
    list.forEach((id, i) => {
      this.replicas.set(id, (this.replicas.get(id) ?? 0) + by);
      if (i === 0) this.leaders.set(id, (this.leaders.get(id) ?? 0) + by);
    });
  }

  get(p: { topic: string; partition: number }): number[] {
    return this.assignment.get(key(p)) ?? [];
  }

  set(p: { topic: string; partition: number }, list: number[]) {
    const old = this.assignment.get(key(p));
    if (old) this.count(old, -1);
    this.assignment.set(key(p), list);
    this.count(list, 1);
  }

  /** How much worse a broker is as a new replica of `others`: rack already used, then load, then id. */
  private score(id: number, others: number[]): [number, number, number] {
    const rack = this.rack.get(id) ?? null;
    const shared =
      this.racked && rack !== null && others.some((o) => (this.rack.get(o) ?? null) === rack) ? 1 : 0;
    // Ties go round the ring from the partition's first replica (as Kafka places replicas), so
    // consecutive partitions land on different brokers rather than all on the lowest id.
    const n = this.brokers.length;
    const at = (b: number) => this.brokers.findIndex((x) => x.id === b);
    const anchor = others[0] === undefined ? -1 : at(others[0]);
    return [shared, this.replicas.get(id) ?? 0, (at(id) - anchor + n) % n];
  }

  /** The best broker to add beside `others`, not among `excluded`; null when none is left. */
  pick(others: number[], excluded: Set<number>): number | null {
    let best: number | null = null;
    let bestScore: [number, number, number] | null = null;
    for (const b of this.brokers) {
      if (excluded.has(b.id) || others.includes(b.id)) continue;
      const s = this.score(b.id, others);
      if (
        !bestScore ||
        s[0] < bestScore[0] ||
        (s[0] === bestScore[0] && (s[1] < bestScore[1] || (s[1] === bestScore[1] && s[2] < bestScore[2])))
      ) {
        best = b.id;
        bestScore = s;
      }
    }
    return best;
  }
}

function inScope(topics: string[] | undefined, p: PlanPartition) {
  return !topics || topics.length === 0 || topics.includes(p.topic);
}

function applyMoves(layout: Layout, partitions: PlanPartition[], goal: Extract<PlanGoal, { kind: 'move' }>) {
  const known = new Set(partitions.map(key));
  const brokerIds = new Set(layout.brokers.map((b) => b.id));
  const seen = new Set<string>();
  for (const m of goal.moves) {
    const name = `${m.topic} partition ${m.partition}`;
    if (!known.has(key(m))) throw new PlanError(`${name} does not exist`);
    if (seen.has(key(m))) throw new PlanError(`${name} is listed twice`);
    seen.add(key(m));
    if (m.replicas.length === 0) throw new PlanError(`${name} needs at least one replica`);
    if (new Set(m.replicas).size !== m.replicas.length) throw new PlanError(`${name} names a broker twice`);
    const unknown = m.replicas.filter((r) => !brokerIds.has(r));
    if (unknown.length > 0) throw new PlanError(`${name}: no broker ${unknown.join(', ')} in the cluster`);
    layout.set(m, [...m.replicas]);
  }
}

function changeReplicationFactor(
  layout: Layout,
  partitions: PlanPartition[],
  goal: Extract<PlanGoal, { kind: 'replication-factor' }>,
) {
  const topic = partitions.filter((p) => p.topic === goal.topic);
  if (topic.length === 0) throw new PlanError(`Topic "${goal.topic}" does not exist`);
  if (goal.replicationFactor < 1) throw new PlanError('The replication factor must be at least 1');
  if (goal.replicationFactor > layout.brokers.length)
    throw new PlanError(
      `Replication factor ${goal.replicationFactor} is larger than the ${layout.brokers.length} broker(s) available`,
    );
  for (const p of topic) {
    const list = [...layout.get(p)];
    while (list.length < goal.replicationFactor) {
      const next = layout.pick(list, new Set());
      if (next === null) break;
      list.push(next);
      layout.set(p, [...list]);
    }
    while (list.length > goal.replicationFactor) {
      // Keep the preferred leader; drop the follower whose rack is shared, else the most loaded one.
      let drop = 1;
      let worst: [number, number] | null = null;
      for (let i = 1; i < list.length; i++) {
        const id = list[i]!;
        const rack = layout.rack.get(id) ?? null;
        const shared =
          layout.racked &&
          rack !== null &&
          list.some((o, j) => j !== i && (layout.rack.get(o) ?? null) === rack)
            ? 1
            : 0;
        const s: [number, number] = [shared, layout.replicas.get(id) ?? 0];
        if (!worst || s[0] > worst[0] || (s[0] === worst[0] && s[1] >= worst[1])) {
          worst = s;
          drop = i;
        }
      }
      list.splice(drop, 1);
      layout.set(p, [...list]);
    }
  }
}

function drain(layout: Layout, partitions: PlanPartition[], goal: Extract<PlanGoal, { kind: 'drain' }>) {
  if (!layout.brokers.some((b) => b.id === goal.brokerId))
    throw new PlanError(`No broker ${goal.brokerId} in the cluster`);
  if (layout.brokers.length < 2) throw new PlanError('A broker cannot be drained without another one');
  const excluded = new Set([goal.brokerId]);
  for (const p of partitions) {
    if (!inScope(goal.topics, p)) continue;
    const list = layout.get(p);
    const at = list.indexOf(goal.brokerId);
    if (at < 0) continue;
    const others = list.filter((id) => id !== goal.brokerId);
    const next = layout.pick(others, excluded);
    if (next === null)
      throw new PlanError(
        `${p.topic} partition ${p.partition} has ${list.length} replicas and there are not enough other brokers`,
      );
    const moved = [...list];
    moved[at] = next;
    layout.set(p, moved);
  }
}

function rebalance(
  layout: Layout,
  partitions: PlanPartition[],
  goal: Extract<PlanGoal, { kind: 'rebalance' }>,
) {
  const scoped = partitions.filter((p) => inScope(goal.topics, p));
  const ids = layout.brokers.map((b) => b.id);
  const load = (m: Map<number, number>, id: number) => m.get(id) ?? 0;
  const extreme = (m: Map<number, number>) => {
    const sorted = [...ids].sort((a, b) => load(m, a) - load(m, b) || a - b);
    return { low: sorted[0]!, high: sorted[sorted.length - 1]! };
  };
  // Replicas: move one replica at a time from the most to the least loaded broker until they are within one.
  for (let guard = 0; guard < scoped.length * ids.length + 1; guard++) {
    const { low, high } = extreme(layout.replicas);
    if (load(layout.replicas, high) - load(layout.replicas, low) <= 1) break;
    const candidate = scoped.find((p) => {
      const list = layout.get(p);
      if (!list.includes(high) || list.includes(low)) return false;
      const others = list.filter((id) => id !== high);
      const rackOf = (id: number) => layout.rack.get(id) ?? null;
      // Never make a partition's racks less diverse than they are.
      const before = new Set(list.map(rackOf)).size;
      const after = new Set([...others, low].map(rackOf)).size;
      return !layout.racked || after >= before;
    });
    if (!candidate) break;
    const list = layout.get(candidate);
    layout.set(
      candidate,
      list.map((id) => (id === high ? low : id)),
    );
  }
  // Leaders: reorder a partition's replicas (no data moves) so preferred leaders are even too.
  for (let guard = 0; guard < scoped.length + 1; guard++) {
    const { low, high } = extreme(layout.leaders);
    if (load(layout.leaders, high) - load(layout.leaders, low) <= 1) break;
    const candidate = scoped.find((p) => {
      const list = layout.get(p);
      return list[0] === high && list.includes(low);
    });
    if (!candidate) break;
    const list = layout.get(candidate);
    layout.set(candidate, [low, ...list.filter((id) => id !== low)]);
  }
}

/** The plan for a goal: the partitions whose replicas change, and replicas and leaders per broker before and after. */
export function planReassignment(brokers: PlanBroker[], partitions: PlanPartition[], goal: PlanGoal): Plan {
  const sortedBrokers = [...brokers].sort((a, b) => a.id - b.id);
  const sorted = [...partitions].sort(byPartition);
  const before = new Layout(sortedBrokers, sorted);
  const layout = new Layout(sortedBrokers, sorted);
  if (goal.kind === 'move') applyMoves(layout, sorted, goal);
  else if (goal.kind === 'replication-factor') changeReplicationFactor(layout, sorted, goal);
  else if (goal.kind === 'drain') drain(layout, sorted, goal);
  else rebalance(layout, sorted, goal);

  const moves: PlannedMove[] = [];
  for (const p of sorted) {
    const to = layout.get(p);
    if (to.length === p.replicas.length && to.every((id, i) => id === p.replicas[i])) continue;
    const added = to.filter((id) => !p.replicas.includes(id)).length;
    moves.push({
      topic: p.topic,
      partition: p.partition,
      from: p.replicas,
      to,
      bytesToMove: added * p.sizeBytes,
    });
  }
  const ids = [...new Set([...sortedBrokers.map((b) => b.id), ...before.replicas.keys()])].sort(
    (a, b) => a - b,
  );
  const balance = ids.map((brokerId) => ({
    brokerId,
    replicasBefore: before.replicas.get(brokerId) ?? 0,
    replicasAfter: layout.replicas.get(brokerId) ?? 0,
    leadersBefore: before.leaders.get(brokerId) ?? 0,
    leadersAfter: layout.leaders.get(brokerId) ?? 0,
  }));
  return { moves, balance, totalBytes: moves.reduce((sum, m) => sum + m.bytesToMove, 0) };
}
