import 'server-only';
import { getConfig } from '@/server/config/clusters';
import { lagMetricsSettings, type LagMetricsSettings } from '@/server/config/metrics';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, partitionKey, type GroupDescription } from '@/server/kafka';
import { log } from '@/server/log';
import {
  byGroupId,
  cutToBudget,
  lagSeries,
  renderLagSeries,
  seriesBounds,
  type ClusterLagInput,
  type GroupLagInput,
} from '@/server/ops/lag-series';
import { readTimeLags, type TimeLagLimits } from '@/server/services/group-lag';
import { getGroupSnapshot } from '@/server/services/group-snapshot';
import { summarizeGroup } from '@/server/services/groups';
import { groupHealth } from '@/server/services/lag-health';
import { lagHistory } from '@/server/services/lag-history';
import { LIVE_REFRESH_MS } from '@/server/services/snapshot';

/**
 * Time lag costs a Fetch per leader and round: at most this many partitions a cluster and scrape,
 * in this many rounds (one per offset a partition is waited at by different groups).
 */
const TIME_LAG_PARTITIONS = 1_000;
const TIME_LAG_ROUNDS = 4;
/** Per group, without per-partition series: its most lagging partitions stand for its time lag. */
const TIME_LAG_PER_GROUP = 5;

const state = globalThis as unknown as {
  __kafkascopeLagErrors?: Map<string, number>;
  __kafkascopeLagScrape?: { key: string; promise: Promise<string>; settledAt: number | null };
};
const errorCounts = () => (state.__kafkascopeLagErrors ??= new Map());

/**
 * One cluster's groups with their lag, in the order the budget cuts them; time lags (and, per
 * partition, the members owning each partition) only for the groups that fit the budget. Bounded
 * by the cluster's time-out: every step takes what is left of one deadline. Never rejects.
 */
async function readCluster(cluster: ClusterConfig, settings: LagMetricsSettings): Promise<ClusterLagInput> {
  const started = performance.now();
  const deadline = Date.now() + cluster.requestTimeoutMs;
  const left = () => ({ timeoutMs: Math.max(1, deadline - Date.now()) });
  const done = (up: boolean, groups: GroupLagInput[]): ClusterLagInput => ({
    clusterId: cluster.id,
    up,
    readSeconds: (performance.now() - started) / 1000,
    errorsTotal: errorCounts().get(cluster.id) ?? 0,
    groups,
  });
  try {
    // Not kept alive: a scrape every 15 s must not keep a 5 s background refresh going for ever. A
    // page that keeps it fresh already makes the scrape free.
    const snapshot = await getGroupSnapshot(cluster, { keepAlive: false });
    const entries = [...snapshot.groups].sort(byGroupId);
    const summaries = entries.map((g) => summarizeGroup(cluster, g, snapshot));
    const shapes = summaries.map(({ summary, lags }) => ({ topics: summary.topics, partitions: lags }));
    const [fitting] = cutToBudget(
      [{ groups: entries, bounds: seriesBounds(shapes, settings.partitions) }],
      settings.maxSeries,
    ).kept;
    const limits: TimeLagLimits = {
      perGroup: settings.partitions ? TIME_LAG_PARTITIONS : TIME_LAG_PER_GROUP,
      total: TIME_LAG_PARTITIONS,
      rounds: TIME_LAG_ROUNDS,
    };
    const [times, described] = await Promise.all([
      readTimeLags(
        cluster,
        snapshot,
        fitting!.map((g) => g.groupId),
        limits,
        left(),
      ),
      settings.partitions && fitting!.length > 0
        ? kafka(cluster)
            .describeGroups(fitting!, left())
            .catch(() => new Map<string, GroupDescription>())
        : new Map<string, GroupDescription>(),
    ]);
    const groups = entries.map((entry, i): GroupLagInput => {
      const { summary, lags } = summaries[i]!;
      const d = described.get(entry.groupId);
      const owner = new Map<string, { host: string; consumerId: string; clientId: string }>();
      for (const m of d?.members ?? [])
        for (const a of m.assignments)
          for (const p of a.partitions)
            owner.set(partitionKey(a.topic, p), {
              host: m.host,
              consumerId: m.memberId,
              clientId: m.clientId,
            });
      const known = times.get(entry.groupId) ?? new Map<string, number>();
      const health = d
        ? groupHealth({
            ...summary,
            members: d.members.length,
            state: d.state || summary.state,
            history: lagHistory(cluster.id, entry.groupId),
          })
        : summary.health;
      return {
        groupId: entry.groupId,
        simple: entry.protocolType === '',
        health,
        topics: summary.topics,
        totalLag: summary.totalLag,
        maxLag: summary.maxLag,
        maxTimeLagMs: summary.totalLag === 0 ? 0 : known.size > 0 ? Math.max(...known.values()) : null,
        partitions: lags
          .map((l) => {
            const key = partitionKey(l.topic, l.partition);
            return {
              ...l,
              timeLagMs: l.lag === 0 ? 0 : (known.get(key) ?? null),
              member: owner.get(key) ?? null,
            };
          })
          .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1)),
      };
    });
    return done(true, groups);
  } catch (error) {
    errorCounts().set(cluster.id, (errorCounts().get(cluster.id) ?? 0) + 1);
    log('debug', 'consumer lag not read for metrics', {
      cluster: cluster.id,
      error: (error as Error).message,
    });
    return done(false, []);
  }
}

/**
 * The consumer-lag metrics of every cluster, as Prometheus text: the clusters are read in
 * parallel, each within its own time-out, so a dead one delays the scrape by its time-out at most
 * and the others are exported all the same. Nothing is read when the budget is 0.
 */
export async function lagMetricsText(
  clusters: ClusterConfig[],
  settings: LagMetricsSettings,
): Promise<string> {
  if (settings.maxSeries === 0 || clusters.length === 0) return '';
  const read = await Promise.all(clusters.map((c) => readCluster(c, settings)));
  return renderLagSeries(lagSeries(read, settings.partitions, settings.maxSeries), read);
}

/**
 * How long one scrape's answer serves the scrapes after it: scrapes are anonymous and may come at
 * any rate, and the group snapshot under the answer is up to this old anyway (LIVE_REFRESH_MS).
 */
const SHARED_MS = LIVE_REFRESH_MS;

/**
 * lagMetricsText shared: concurrent scrapes (two Prometheus replicas, a retry) wait on one read
 * and get the same answer for SHARED_MS after it. Never rejects: a failure leaves the lag out.
 */
export function sharedLagMetrics(
  clusters: ClusterConfig[] = getConfig().clusters,
  settings: LagMetricsSettings = lagMetricsSettings(),
  now: () => number = Date.now,
): Promise<string> {
  const key = JSON.stringify([clusters.map((c) => c.id), settings]);
  const current = state.__kafkascopeLagScrape;
  if (current && current.key === key && (current.settledAt === null || now() - current.settledAt < SHARED_MS))
    return current.promise;
  const entry = {
    key,
    promise: lagMetricsText(clusters, settings).catch((error: unknown) => {
      log('error', 'consumer lag metrics failed', { error: (error as Error).message });
      return '';
    }),
    settledAt: null as number | null,
  };
  void entry.promise.finally(() => {
    entry.settledAt = now();
  });
  state.__kafkascopeLagScrape = entry;
  return entry.promise;
}
