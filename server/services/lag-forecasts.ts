import 'server-only';
import type { Forecast, GroupPartition, LagPoint } from '@/lib/schemas/group';
import {
  catchUp,
  dataLoss,
  groupCatchUp,
  groupDataLoss,
  ratesOf,
  type Moment,
  type Rates,
  type Retention,
} from '@/lib/lag/forecast';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, partitionKey, type Topology } from '@/server/kafka';
import { getStore } from '@/server/store';
import { readSeries, retentionFrom, seriesLabel } from '@/server/store/lag-store';
import { cached } from '@/server/services/cache';

/** Rates are taken over this much of the recent history. */
const WINDOW_MS = 10 * 60_000;
/** A group's page forecasts at most this many topics' retention (one DescribeConfigs each, cached). */
const MAX_TOPICS = 20;

const number = (v: string | null | undefined) => {
  const n = v == null ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/** retention.ms and retention.bytes as they delete records: none for a compact-only topic. */
const retentionOf = (cluster: ClusterConfig, topic: string): Promise<Retention> =>
  cached(`${cluster.id}/retention/${topic}`, 60_000, async () => {
    const entries = await kafka(cluster).topicConfigs(topic);
    const get = (name: string) => entries.find((e) => e.name === name)?.value;
    if (!(get('cleanup.policy') ?? 'delete').split(',').includes('delete')) return { ms: null, bytes: null };
    return { ms: number(get('retention.ms')), bytes: number(get('retention.bytes')) };
  });

const forecastOf = (rates: Rates | null, lag: number | null, loss: Forecast['loss']): Forecast => ({
  catchUp: catchUp(lag, rates),
  loss,
  consumeRate: rates?.consume ?? null,
  produceRate: rates?.produce ?? null,
});

/**
 * Catch-up and data-loss forecasts for a group's partitions and the group, from the partitions'
 * recent history in the store (sampled every 5 s while the group's page is open) and the topics'
 * retention; the group's own summed history in memory stands in for rates while the store has none.
 * Whatever cannot be read (a store down, configs refused) makes a forecast unknown, never an error.
 */
export async function forecastGroup(
  cluster: ClusterConfig,
  groupId: string,
  rows: Omit<GroupPartition, 'forecast'>[],
  topology: Topology,
  groupHistory: LagPoint[],
  now = Date.now(),
): Promise<{ group: Forecast; partitions: Map<string, Forecast> }> {
  const keys = rows.map((r) => ({ groupId, topic: r.topic, partition: r.partition }));
  const topics = [...new Set(rows.map((r) => r.topic))].slice(0, MAX_TOPICS);
  const [series, retention] = await Promise.all([
    getStore()
      .then((store) =>
        readSeries(
          store,
          cluster.id,
          keys,
          { from: now - WINDOW_MS, to: now, maxPoints: 4_000 },
          retentionFrom(),
          now,
        ),
      )
      .then((r) => r.series)
      .catch(() => new Map<string, Moment[]>()),
    Promise.all(topics.map(async (t) => [t, await retentionOf(cluster, t).catch(() => null)] as const)).then(
      (list) => new Map(list),
    ),
  ]);
  // Size-based retention needs the records' mean size: only for topics that have it.
  const sized = rows.filter((r) => retention.get(r.topic)?.bytes != null);
  const bytes = new Map<string, number>();
  if (sized.length) {
    const meta = new Map(topology.topics.map((t) => [t.name, t]));
    const byTopic = new Map<string, number[]>();
    for (const r of sized) byTopic.set(r.topic, [...(byTopic.get(r.topic) ?? []), r.partition]);
    const report = await kafka(cluster)
      .logDirs(
        topology.brokers.map((b) => b.id),
        [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
      )
      .catch(() => null);
    for (const r of sized) {
      const key = partitionKey(r.topic, r.partition);
      const replicas = meta.get(r.topic)?.partitions.find((p) => p.partition === r.partition)
        ?.replicas.length;
      const total = report?.partitionBytes.get(key);
      if (total !== undefined && replicas) bytes.set(key, total / replicas);
    }
  }
  const partitions = new Map<string, Forecast>();
  for (const r of rows) {
    const key = partitionKey(r.topic, r.partition);
    const rates = ratesOf(series.get(seriesLabel({ groupId, topic: r.topic, partition: r.partition })) ?? []);
    const records =
      r.logEndOffset !== null && r.logStartOffset !== null ? r.logEndOffset - r.logStartOffset : 0;
    const size = bytes.get(key);
    const topicRetention = retention.get(r.topic);
    partitions.set(
      key,
      forecastOf(
        rates,
        r.lag,
        topicRetention
          ? dataLoss({
              lag: r.lag,
              timeLagMs: r.timeLagMs,
              rates,
              retention: topicRetention,
              recordBytes: size !== undefined && records > 0 ? size / records : null,
            })
          : { state: 'unknown' },
      ),
    );
  }
  const all = [...partitions.values()];
  const groupRates = ratesOf(groupHistory.filter((p) => p.t >= now - WINDOW_MS));
  const havePartitionRates = all.some((f) => f.consumeRate !== null);
  const totalLag = rows.every((r) => r.lag !== null) ? rows.reduce((s, r) => s + r.lag!, 0) : null;
  const group: Forecast = havePartitionRates
    ? {
        catchUp: groupCatchUp(all.map((f) => f.catchUp)),
        loss: groupDataLoss(all.map((f) => f.loss)),
        consumeRate: all.reduce((s, f) => s + (f.consumeRate ?? 0), 0),
        produceRate: all.reduce((s, f) => s + (f.produceRate ?? 0), 0),
      }
    : forecastOf(groupRates, totalLag, totalLag === 0 ? { state: 'safe' } : { state: 'unknown' });
  return { group, partitions };
}
