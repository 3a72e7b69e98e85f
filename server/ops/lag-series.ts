import 'server-only';
import { Counter, Gauge, Registry } from 'prom-client';
import type { LagHealth } from '@/lib/schemas/group';

/**
 * The consumer-lag series of /api/metrics, as plain data: built from what one scrape read, cut to
 * a budget, then written out with prom-client. Names and labels are kafka-lag-exporter's where it
 * has the metric, so that its dashboards and alerts work unchanged; the rest are `kafkascope_`.
 */

/** kafka-lag-exporter's labels of a partition no member owns (or whose members are not known). */
export const UNKNOWN_MEMBER = { host: 'unknown', consumerId: 'unknown', clientId: 'unknown' };

export interface PartitionLagInput {
  topic: string;
  partition: number;
  committed: number | null;
  low: number | null;
  high: number | null;
  lag: number | null;
  /** Null when not read (not lagging enough to be among those read, past the caps, or failed). */
  timeLagMs: number | null;
  member: { host: string; consumerId: string; clientId: string } | null;
}

export interface GroupLagInput {
  groupId: string;
  /** A group that only commits offsets, with no protocol (Kafka's isSimpleConsumerGroup). */
  simple: boolean;
  health: LagHealth;
  topics: string[];
  totalLag: number | null;
  maxLag: number | null;
  maxTimeLagMs: number | null;
  partitions: PartitionLagInput[];
}

export interface ClusterLagInput {
  clusterId: string;
  /** False when the cluster's lag could not be read at this scrape: it exports no lag series then. */
  up: boolean;
  readSeconds: number;
  errorsTotal: number;
  /** Every group of the cluster in stable order; only those within the budget are exported. */
  groups: GroupLagInput[];
}

export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const GROUP = ['cluster_name', 'group'];
const GROUP_SIMPLE = [...GROUP, 'is_simple_consumer'];
const GROUP_PARTITION = [...GROUP, 'topic', 'partition', 'member_host', 'consumer_id', 'client_id'];
const PARTITION = ['cluster_name', 'topic', 'partition'];
const CLUSTER = ['cluster_name'];

/** Every lag metric: name → help and label names. */
export const LAG_METRICS = {
  kafka_consumergroup_group_offset: {
    help: 'Committed offset of a partition for a group (per-partition export only).',
    labels: GROUP_PARTITION,
  },
  kafka_consumergroup_group_lag: {
    help: 'Lag in records of a partition for a group: log end offset minus committed offset (per-partition export only).',
    labels: GROUP_PARTITION,
  },
  kafka_consumergroup_group_lag_seconds: {
    help: 'Time lag of a partition for a group: age of the next record to consume (per-partition export only).',
    labels: GROUP_PARTITION,
  },
  kafka_consumergroup_group_max_lag: {
    help: 'Highest lag in records of any partition of a group.',
    labels: GROUP_SIMPLE,
  },
  kafka_consumergroup_group_max_lag_seconds: {
    help: 'Highest time lag of a group: age of the oldest record it has yet to consume.',
    labels: GROUP_SIMPLE,
  },
  kafka_consumergroup_group_sum_lag: {
    help: 'Lag in records of a group, all its partitions together.',
    labels: GROUP,
  },
  kafka_consumergroup_group_topic_sum_lag: {
    help: 'Lag in records of a group on one topic, all its partitions together.',
    labels: [...GROUP, 'topic'],
  },
  kafka_partition_latest_offset: {
    help: 'Log end offset of a partition some group committed offsets for (per-partition export only).',
    labels: PARTITION,
  },
  kafka_partition_earliest_offset: {
    help: 'Log start offset of a partition some group committed offsets for (per-partition export only).',
    labels: PARTITION,
  },
  kafkascope_consumergroup_health: {
    help: "A group's health as the console shows it, 1 on the current state: caught_up, lagging, stalled, stopped, expired, unknown.",
    labels: [...GROUP, 'state'],
  },
  kafkascope_consumergroup_lag_up: {
    help: "1 when the cluster's consumer lag was read at this scrape, 0 when it could not be (no lag series for it then).",
    labels: CLUSTER,
  },
  kafkascope_consumergroup_lag_read_seconds: {
    help: "How long reading the cluster's consumer lag took at this scrape.",
    labels: CLUSTER,
  },
  kafkascope_metrics_lag_series_dropped: {
    help: 'Lag series left out of this scrape by KAFKASCOPE_METRICS_LAG_MAX_SERIES (counted as the most each group can export).',
    labels: CLUSTER,
  },
  kafkascope_metrics_lag_groups_dropped: {
    help: 'Groups left out of this scrape by KAFKASCOPE_METRICS_LAG_MAX_SERIES.',
    labels: CLUSTER,
  },
} as const;

export type LagMetricName = keyof typeof LAG_METRICS;

const ERRORS_TOTAL = 'kafkascope_consumergroup_scrape_errors_total';

/** Groups in the one order every scrape cuts them in: by id, code unit by code unit. */
export const byGroupId = <T extends { groupId: string }>(a: T, b: T) =>
  a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0;

/**
 * The most series each group of a cluster (in the given order) can export: per group its health,
 * sum, max and max seconds, one per topic; per partition its offset, lag and lag seconds, and the
 * two watermarks of each partition no group before it brought.
 */
export function seriesBounds(
  groups: { topics: string[]; partitions: { topic: string; partition: number }[] }[],
  perPartition: boolean,
): number[] {
  const seen = new Set<string>();
  return groups.map((g) => {
    let bound = 4 + g.topics.length;
    if (!perPartition) return bound;
    for (const p of g.partitions) {
      bound += 3;
      const key = `${p.topic}\u0000${p.partition}`;
      if (!seen.has(key)) bound += 2;
      seen.add(key);
    }
    return bound;
  });
}

/**
 * Cuts groups to `max` series, clusters in order and groups in order within each: the first group
 * that does not fit is left out with every group after it, so a scrape keeps the same groups while
 * they stay the same (a smaller one later never takes a bigger one's place).
 */
export function cutToBudget<T>(
  clusters: { groups: T[]; bounds: number[] }[],
  max: number,
): { kept: T[][]; dropped: { groups: number; series: number }[] } {
  let used = 0;
  let full = false;
  const kept: T[][] = [];
  const dropped: { groups: number; series: number }[] = [];
  for (const { groups, bounds } of clusters) {
    let n = 0;
    if (!full) {
      while (n < groups.length && used + bounds[n]! <= max) used += bounds[n++]!;
      full = n < groups.length;
    }
    kept.push(groups.slice(0, n));
    dropped.push({ groups: groups.length - n, series: bounds.slice(n).reduce((s, b) => s + b, 0) });
  }
  return { kept, dropped };
}

/** The series of one group. `seen` holds the partitions whose watermarks the cluster exports already. */
export function groupSeries(
  clusterId: string,
  g: GroupLagInput,
  perPartition: boolean,
  seen: Set<string>,
): Series[] {
  const group = { cluster_name: clusterId, group: g.groupId };
  const simple = { ...group, is_simple_consumer: String(g.simple) };
  const out: Series[] = [
    { name: 'kafkascope_consumergroup_health', labels: { ...group, state: g.health }, value: 1 },
  ];
  if (g.totalLag !== null) {
    out.push({ name: 'kafka_consumergroup_group_sum_lag', labels: group, value: g.totalLag });
    out.push({ name: 'kafka_consumergroup_group_max_lag', labels: simple, value: g.maxLag ?? 0 });
  }
  if (g.maxTimeLagMs !== null)
    out.push({
      name: 'kafka_consumergroup_group_max_lag_seconds',
      labels: simple,
      value: g.maxTimeLagMs / 1000,
    });
  for (const topic of g.topics) {
    const known = g.partitions.filter((p) => p.topic === topic && p.lag !== null);
    if (known.length === 0) continue;
    out.push({
      name: 'kafka_consumergroup_group_topic_sum_lag',
      labels: { ...group, topic },
      value: known.reduce((s, p) => s + p.lag!, 0),
    });
  }
  if (!perPartition) return out;
  for (const p of g.partitions) {
    const member = p.member ?? UNKNOWN_MEMBER;
    const labels = {
      ...group,
      topic: p.topic,
      partition: String(p.partition),
      member_host: member.host,
      consumer_id: member.consumerId,
      client_id: member.clientId,
    };
    if (p.committed !== null)
      out.push({ name: 'kafka_consumergroup_group_offset', labels, value: p.committed });
    if (p.lag !== null) out.push({ name: 'kafka_consumergroup_group_lag', labels, value: p.lag });
    if (p.timeLagMs !== null)
      out.push({ name: 'kafka_consumergroup_group_lag_seconds', labels, value: p.timeLagMs / 1000 });
    const key = `${p.topic}\u0000${p.partition}`;
    if (seen.has(key) || p.high === null || p.low === null) continue;
    seen.add(key);
    const partition = { cluster_name: clusterId, topic: p.topic, partition: String(p.partition) };
    out.push({ name: 'kafka_partition_latest_offset', labels: partition, value: p.high });
    out.push({ name: 'kafka_partition_earliest_offset', labels: partition, value: p.low });
  }
  return out;
}

/** Every series of one scrape: the groups within the budget, then each cluster's own gauges. */
export function lagSeries(clusters: ClusterLagInput[], perPartition: boolean, maxSeries: number): Series[] {
  const { kept, dropped } = cutToBudget(
    clusters.map((c) => ({ groups: c.groups, bounds: seriesBounds(c.groups, perPartition) })),
    maxSeries,
  );
  const out: Series[] = [];
  clusters.forEach((c, i) => {
    const seen = new Set<string>();
    for (const g of kept[i]!) out.push(...groupSeries(c.clusterId, g, perPartition, seen));
    const cluster = { cluster_name: c.clusterId };
    out.push({ name: 'kafkascope_consumergroup_lag_up', labels: cluster, value: c.up ? 1 : 0 });
    out.push({ name: 'kafkascope_consumergroup_lag_read_seconds', labels: cluster, value: c.readSeconds });
    if (!c.up) return;
    out.push({ name: 'kafkascope_metrics_lag_series_dropped', labels: cluster, value: dropped[i]!.series });
    out.push({ name: 'kafkascope_metrics_lag_groups_dropped', labels: cluster, value: dropped[i]!.groups });
  });
  return out;
}

/** The Prometheus text of one scrape's lag series, and of each cluster's count of failed reads. */
export async function renderLagSeries(series: Series[], clusters: ClusterLagInput[]): Promise<string> {
  const registry = new Registry();
  const gauges = new Map<string, Gauge>();
  for (const [name, { help, labels }] of Object.entries(LAG_METRICS))
    gauges.set(name, new Gauge({ name, help, labelNames: labels, registers: [registry] }));
  for (const s of series) gauges.get(s.name)!.set(s.labels, s.value);
  const errors = new Counter({
    name: ERRORS_TOTAL,
    help: "Scrapes that could not read the cluster's consumer lag, since the console started.",
    labelNames: CLUSTER,
    registers: [registry],
  });
  for (const c of clusters) errors.inc({ cluster_name: c.clusterId }, c.errorsTotal);
  return registry.metrics();
}
