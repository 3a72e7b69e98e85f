import 'server-only';
import { globMatch, ruleKinds } from '@/lib/schemas/alerts';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka } from '@/server/kafka';
import type { Store } from '@/server/store';
import { previousController } from '@/server/store/alert-store';
import {
  readSeries,
  retentionFrom,
  seriesLabel,
  type LagSample,
  type SeriesKey,
} from '@/server/store/lag-store';
import { getGroupSnapshot } from '@/server/services/group-snapshot';
import { partitionLags } from '@/server/services/group-lag';
import type { ClusterFacts, ConnectorFact, GroupFact } from '@/server/services/alerts/conditions';
import { listConnectors } from '@/server/services/connect';
import { historyWindowMs, ruleApplies } from '@/server/services/alerts/conditions';
import type { RuleEntry } from '@/server/services/alerts/evaluate';

/**
 * One cluster's facts for an evaluation, from what the lag sampler just read: its samples (lag, time
 * lag), the group snapshot it used (states, expired offsets; still fresh, so no new request), the
 * cluster's metadata (one Metadata request) and, for the kinds that need it, the lag series in the
 * store. A sample that failed leaves the groups unknown.
 */
export async function readFacts(
  store: Store,
  cluster: ClusterConfig,
  rules: RuleEntry[],
  sampled: LagSample[] | Error,
  now: number,
): Promise<ClusterFacts> {
  const applying = rules.filter((r) => ruleApplies(r.spec, cluster.id));
  const facts: ClusterFacts = {
    clusterId: cluster.id,
    at: now,
    unreachable: null,
    groups: null,
    topology: null,
    previousControllerId: await previousController(store, cluster.id),
  };
  try {
    // Read afresh, not from the pages' cache: a cluster that went away must not look alive.
    const topology = await kafka(cluster).metadata('all');
    facts.topology = {
      liveBrokers: topology.brokers.map((b) => b.id).sort((a, b) => a - b),
      knownBrokers: [...topology.knownBrokerIds].sort((a, b) => a - b),
      controllerId: topology.controllerId,
      partitions: topology.topics.flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.name,
          partition: p.partition,
          leader: p.leader,
          isr: p.isr.length,
          replicas: p.replicas.length,
        })),
      ),
    };
  } catch (error) {
    facts.unreachable = (error as Error).message;
    return facts;
  }
  if (applying.some((r) => r.spec.kind === 'connector_failed') && cluster.connect.length > 0) {
    const connect = await connectorFacts(cluster);
    facts.connectors = connect?.connectors ?? null;
    facts.connectDown = connect?.down ?? [];
  }
  const groupRules = applying.filter((r) => ruleKinds[r.spec.kind].scope === 'group');
  if (sampled instanceof Error || groupRules.length === 0) return facts;
  const snapshot = await getGroupSnapshot(cluster, { keepAlive: false, maxAgeMs: 30_000 });
  const sampleOf = new Map(
    sampled.filter((s) => s.partition === -1).map((s) => [`${s.groupId}\u0000${s.topic}`, s]),
  );
  const wanted = groupRules.map((r) => r.spec.groups);
  const groups: GroupFact[] = [];
  for (const entry of snapshot.groups) {
    if (!wanted.some((p) => globMatch(p, entry.groupId))) continue;
    const lags = partitionLags(snapshot.committed.get(entry.groupId), snapshot.watermarks);
    if (!lags.some((l) => l.committed !== null)) continue;
    const topics: GroupFact['topics'] = new Map();
    const add = (topic: string, part: typeof lags) => {
      const sample = sampleOf.get(`${entry.groupId}\u0000${topic}`);
      const known = part.every((l) => l.lag !== null);
      topics.set(topic, {
        lag: sample?.lag ?? (known ? part.reduce((s, l) => s + l.lag!, 0) : null),
        timeLagMs: sample?.timeLagMs ?? null,
        expired: part.filter((l) => l.expired).length,
        history: [],
      });
    };
    add('', lags);
    for (const topic of new Set(lags.map((l) => l.topic)))
      add(
        topic,
        lags.filter((l) => l.topic === topic),
      );
    groups.push({ groupId: entry.groupId, state: entry.state, topics });
  }
  facts.groups = groups;
  await addHistory(store, cluster.id, groupRules, groups, now);
  return facts;
}

/**
 * The connectors of every Connect cluster of `cluster` (one request each) that answered, and the
 * names of those that did not: their connectors are neither failed nor recovered meanwhile.
 */
async function connectorFacts(
  cluster: ClusterConfig,
): Promise<{ connectors: ConnectorFact[]; down: string[] } | null> {
  const list = await listConnectors(cluster).catch(() => null);
  if (!list) return null;
  const firstLine = (trace: string | null | undefined) => trace?.split('\n')[0]?.slice(0, 200) ?? null;
  const connectors = list.connectors.map((c) => ({
    connect: c.connect,
    name: c.name,
    state: c.state,
    tasks: c.tasks.length,
    tasksFailed: c.tasksFailed,
    reason: firstLine(c.trace) ?? firstLine(c.tasks.find((t) => t.state === 'FAILED')?.trace),
  }));
  return { connectors, down: list.clusters.filter((c) => !c.up).map((c) => c.name) };
}

/** The lag series of the subjects whose kinds read one (stalled, lag growing), in one query. */
async function addHistory(
  store: Store,
  clusterId: string,
  rules: RuleEntry[],
  groups: GroupFact[],
  now: number,
): Promise<void> {
  const windowMs = Math.max(0, ...rules.map((r) => historyWindowMs(r.spec)));
  if (windowMs === 0) return;
  const readers = rules.filter((r) => historyWindowMs(r.spec) > 0);
  const keys: SeriesKey[] = [];
  for (const g of groups) {
    if (!readers.some((r) => globMatch(r.spec.groups, g.groupId))) continue;
    for (const topic of g.topics.keys()) keys.push({ groupId: g.groupId, topic, partition: -1 });
  }
  if (keys.length === 0) return;
  const { series } = await readSeries(
    store,
    clusterId,
    keys,
    { from: now - windowMs, to: now, maxPoints: Math.ceil(windowMs / 1_000) },
    retentionFrom(),
    now,
  );
  for (const g of groups)
    for (const [topic, values] of g.topics)
      values.history = (series.get(seriesLabel({ groupId: g.groupId, topic, partition: -1 })) ?? []).map(
        (p) => ({
          t: p.t,
          lag: p.lag,
          committed: p.committed,
        }),
      );
}
