import 'server-only';
import { globMatch, type RuleKind, type RuleSpec } from '@/lib/schemas/alerts';

/**
 * What each rule kind means, as pure functions of one cluster's facts at one evaluation. A condition
 * answers the subjects that are not ok now, or null when the facts it needs could not be read (the
 * subjects' states are then left as they are: a cluster that did not answer resolves nothing).
 */

export interface SeriesPoint {
  t: number;
  lag: number;
  committed: number;
}

/** One group, and each of its topics (`''` is the whole group), as the last sample saw them. */
export interface GroupFact {
  groupId: string;
  state: string | null;
  topics: Map<
    string,
    { lag: number | null; timeLagMs: number | null; expired: number; history: SeriesPoint[] }
  >;
}

export interface PartitionFact {
  topic: string;
  partition: number;
  leader: number | null;
  isr: number;
  replicas: number;
}

export interface ConnectorFact {
  connect: string;
  name: string;
  state: string;
  tasksFailed: number;
  tasks: number;
  /** The first line of the connector's or its first failed task's trace. */
  reason: string | null;
}

export interface ClusterFacts {
  clusterId: string;
  /** When the facts were read. */
  at: number;
  /** null when the cluster answered; else why not (no credentials in it). */
  unreachable: string | null;
  groups: GroupFact[] | null;
  topology: {
    liveBrokers: number[];
    knownBrokers: number[];
    controllerId: number | null;
    partitions: PartitionFact[];
  } | null;
  /** The controller the previous evaluation saw, or null (the first one). */
  previousControllerId: number | null;
  /**
   * The connectors of the cluster's Connect clusters that answered, read only for a
   * connector_failed rule (else null: nothing is decided about any connector).
   */
  connectors?: ConnectorFact[] | null;
  /** The Connect clusters that did not answer: nothing is decided about their connectors. */
  connectDown?: string[];
}

export interface Finding {
  subject: string;
  value: number | null;
  threshold: number | null;
  detail: string | null;
}

type Condition = (rule: RuleSpec, facts: ClusterFacts) => Finding[] | null;

/** The lag series a kind reads from the store, over this window before the evaluation. */
export function historyWindowMs(rule: RuleSpec): number {
  if (rule.kind === 'lag_growing') return Math.max(rule.forMs, 2 * 60_000);
  if (rule.kind === 'stalled') return STALL_LOOKBACK_MS;
  return 0;
}

const STALL_LOOKBACK_MS = 5 * 60_000;
/** Committed offsets unchanged across at least this span (two minute samples), lag up meanwhile. */
const STALL_SPAN_MS = 50_000;

export function isStalled(points: SeriesPoint[]): boolean {
  const last = points.at(-1);
  if (!last || last.lag === 0) return false;
  let first = last;
  for (let i = points.length - 2; i >= 0 && points[i]!.committed === last.committed; i--) first = points[i]!;
  return last.t - first.t >= STALL_SPAN_MS && last.lag > first.lag;
}

/** Lag never fell across the window, rose overall, and the points cover most of it. */
export function isGrowing(points: SeriesPoint[], windowMs: number, now: number): boolean {
  const inWindow = points.filter((p) => p.t >= now - windowMs);
  if (inWindow.length < 2) return false;
  const first = inWindow[0]!;
  const last = inWindow.at(-1)!;
  if (last.t - first.t < windowMs * 0.75) return false;
  for (let i = 1; i < inWindow.length; i++) if (inWindow[i]!.lag < inWindow[i - 1]!.lag) return false;
  return last.lag > first.lag;
}

/** The subjects a group rule looks at: whole groups, or (group, topic) pairs when it names topics. */
function groupSubjects(rule: RuleSpec, facts: ClusterFacts) {
  if (!facts.groups) return null;
  const out: { subject: string; group: GroupFact; topic: string }[] = [];
  for (const group of facts.groups) {
    if (!globMatch(rule.groups, group.groupId)) continue;
    if (rule.topics === '*') {
      if (group.topics.has('')) out.push({ subject: `group:${group.groupId}`, group, topic: '' });
      continue;
    }
    for (const topic of group.topics.keys())
      if (topic !== '' && globMatch(rule.topics, topic))
        out.push({ subject: `group:${group.groupId}/topic:${topic}`, group, topic });
  }
  return out;
}

function perSubject(
  test: (
    values: NonNullable<ReturnType<GroupFact['topics']['get']>>,
    rule: RuleSpec,
    facts: ClusterFacts,
    group: GroupFact,
  ) => { value: number | null; detail?: string } | null,
): Condition {
  return (rule, facts) => {
    const subjects = groupSubjects(rule, facts);
    if (!subjects) return null;
    return subjects.flatMap(({ subject, group, topic }) => {
      const hit = test(group.topics.get(topic)!, rule, facts, group);
      return hit
        ? [{ subject, value: hit.value, threshold: rule.threshold, detail: hit.detail ?? null }]
        : [];
    });
  };
}

function clusterFinding(
  needs: 'topology' | 'nothing',
  test: (facts: ClusterFacts, rule: RuleSpec) => Omit<Finding, 'subject'> | null,
): Condition {
  return (rule, facts) => {
    if (needs === 'topology' && !facts.topology) return null;
    const hit = test(facts, rule);
    return hit ? [{ subject: 'cluster', ...hit }] : [];
  };
}

const listed = (items: string[], max = 10) =>
  items.length > max ? `${items.slice(0, max).join(', ')} and ${items.length - max} more` : items.join(', ');

function partitionsWhere(facts: ClusterFacts, rule: RuleSpec, bad: (p: PartitionFact) => boolean) {
  const hits = facts.topology!.partitions.filter((p) => globMatch(rule.topics, p.topic) && bad(p));
  const allowed = rule.threshold ?? 0;
  if (hits.length <= allowed) return null;
  const topics = [...new Set(hits.map((p) => p.topic))].sort();
  return { value: hits.length, threshold: allowed, detail: `topics ${listed(topics)}` };
}

/** Every kind's condition: a kind added to lib/schemas/alerts.ts without one here does not compile. */
export const conditions: Record<RuleKind, Condition> = {
  lag_above: perSubject((v, rule) => (v.lag !== null && v.lag > rule.threshold! ? { value: v.lag } : null)),
  time_lag_above: perSubject((v, rule) =>
    v.timeLagMs !== null && v.timeLagMs > rule.threshold! ? { value: v.timeLagMs } : null,
  ),
  stalled: perSubject((v) =>
    isStalled(v.history) ? { value: v.lag, detail: 'committed offsets unchanged while lag grows' } : null,
  ),
  expired: perSubject((v) =>
    v.expired > 0
      ? { value: v.expired, detail: `${v.expired} partition(s) committed below the log start` }
      : null,
  ),
  no_members: perSubject((v, _rule, _facts, group) =>
    group.state === 'Empty' ? { value: v.lag, detail: 'committed offsets, no members' } : null,
  ),
  lag_growing: perSubject((v, rule, facts) =>
    isGrowing(v.history, historyWindowMs(rule), facts.at) ? { value: v.lag } : null,
  ),
  broker_down: clusterFinding('topology', (facts, rule) => {
    const { liveBrokers, knownBrokers } = facts.topology!;
    const expected = rule.threshold ?? knownBrokers.length;
    const down = knownBrokers.filter((id) => !liveBrokers.includes(id));
    if (liveBrokers.length >= expected && down.length === 0) return null;
    return {
      value: liveBrokers.length,
      threshold: expected,
      detail: down.length ? `broker${down.length > 1 ? 's' : ''} ${down.join(', ')} down` : null,
    };
  }),
  under_replicated: clusterFinding('topology', (facts, rule) =>
    partitionsWhere(facts, rule, (p) => p.isr < p.replicas),
  ),
  offline_partitions: clusterFinding('topology', (facts, rule) =>
    partitionsWhere(facts, rule, (p) => p.leader === null || p.leader < 0),
  ),
  controller_changed: clusterFinding('topology', (facts) => {
    const now = facts.topology!.controllerId;
    const before = facts.previousControllerId;
    if (before === null || now === null || now === before) return null;
    return { value: now, threshold: null, detail: `controller ${before} → ${now}` };
  }),
  // One subject per connector (`connector:<connect>/<name>`): FAILED, or with a failed task.
  connector_failed: (_rule, facts) => {
    if (!facts.connectors) return null;
    return facts.connectors
      .filter((c) => c.state === 'FAILED' || c.tasksFailed > 0)
      .map((c) => ({
        subject: `connector:${c.connect}/${c.name}`,
        value: c.tasksFailed,
        threshold: null,
        detail:
          (c.state === 'FAILED' ? 'connector FAILED' : `${c.tasksFailed} of ${c.tasks} task(s) FAILED`) +
          (c.reason ? `: ${c.reason}` : ''),
      }));
  },
  cluster_unreachable: (_rule, facts) =>
    facts.unreachable === null
      ? []
      : [{ subject: 'cluster', value: null, threshold: null, detail: facts.unreachable }],
};

/**
 * A subject whose facts were not read this time (its Connect cluster did not answer): a state it
 * has stays as it is, neither resolved nor fired.
 */
export function undecided(rule: RuleSpec, subject: string, facts: ClusterFacts): boolean {
  if (rule.kind !== 'connector_failed') return false;
  return (facts.connectDown ?? []).some((connect) => subject.startsWith(`connector:${connect}/`));
}

/** Kinds that fire as soon as they hold: their window is the condition itself, or they are one event. */
const NO_PENDING = new Set<RuleKind>(['lag_growing', 'controller_changed']);
export const effectiveForMs = (rule: RuleSpec) => (NO_PENDING.has(rule.kind) ? 0 : rule.forMs);

/** Whether a rule looks at a cluster: enabled, and the cluster among its clusters (none named: all). */
export const ruleApplies = (rule: RuleSpec, clusterId: string) =>
  rule.enabled && (rule.clusters.length === 0 || rule.clusters.includes(clusterId));

export interface StateRow {
  status: 'pending' | 'firing';
  since: number;
  firedAt: number | null;
}

export type Step = { next: StateRow; event: 'firing' | null } | { next: null; event: 'resolved' | null };

/** One (rule, subject) from its stored state and what holds now: pending → firing after `for` → resolved. */
export function step(prev: StateRow | undefined, holds: boolean, forMs: number, now: number): Step {
  if (!holds) return { next: null, event: prev?.status === 'firing' ? 'resolved' : null };
  if (prev?.status === 'firing') return { next: prev, event: null };
  const since = prev?.since ?? now;
  if (now - since >= forMs) return { next: { status: 'firing', since, firedAt: now }, event: 'firing' };
  return { next: { status: 'pending', since, firedAt: null }, event: null };
}
