import 'server-only';
import type { LagHistoryQuery, LagSeriesList } from '@/lib/schemas/lag-history';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import { getStore } from '@/server/store';
import { readSeries, retentionFrom, seriesLabel } from '@/server/store/lag-store';
import { IDLE_SAMPLE_MS, markShown } from '@/server/services/lag-sampler';

/**
 * Lag series of a cluster from the store, for one chart: several groups, topics or partitions over
 * one range, at about `points` points each. A series nobody sampled is empty, not an error (a group
 * may be new, or gone with its history kept).
 */
export async function getLagSeries(cluster: ClusterConfig, query: LagHistoryQuery): Promise<LagSeriesList> {
  const to = query.to ?? Date.now();
  const from = query.from ?? to - 3_600_000;
  const store = await getStore().catch((error: Error) => {
    throw new AppError('store_unavailable', `The lag history store is not available: ${error.message}`);
  });
  // A chart that reaches the present keeps its groups sampled every few seconds while it polls, as
  // their own pages do; one of the past needs no new samples.
  if (to > Date.now() - 60_000) markShown(cluster, [...new Set(query.series.map((s) => s.groupId))]);
  const { stepMs, series } = await readSeries(
    store,
    cluster.id,
    query.series,
    { from, to, maxPoints: query.points },
    retentionFrom(),
  );
  return {
    from,
    to,
    stepMs,
    sampleEveryMs: IDLE_SAMPLE_MS,
    series: query.series.map((s) => ({ ...s, points: series.get(seriesLabel(s)) ?? [] })),
  };
}
