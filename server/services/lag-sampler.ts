import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { getConfig } from '@/server/config/clusters';
import { partitionKey, withRequestCount, outsideRequestCount } from '@/server/kafka';
import { log } from '@/server/log';
import { getStore } from '@/server/store';
import {
  retentionFrom,
  rollUp,
  watchedGroups,
  watchGroups,
  writeSamples,
  type LagSample,
} from '@/server/store/lag-store';
import { holdLease, type Leadership } from '@/server/store/lease';
import { getGroupSnapshot } from '@/server/services/group-snapshot';
import { partitionLags, readTimeLags } from '@/server/services/group-lag';
import { BudgetRotation } from '@/lib/lag/budget-rotation';

/** Every group is sampled this often whether or not anyone looks. */
export const IDLE_SAMPLE_MS = 60_000;
/** Groups a page shows are sampled this often while it shows them. */
export const LIVE_SAMPLE_MS = 5_000;
const ROLLUP_EVERY_MS = 5 * 60_000;
/** A page's mark keeps its groups sampled this long after its last poll. */
const LIVE_MARK_MS = 30_000;
/** A group whose page was opened is sampled per partition this long after. */
const PARTITIONS_MARK_MS = 24 * 3_600_000;
/** Time lag reads per sample: partitions per group (per opened group), partitions in all, rounds. */
const TIME_LAG = { perGroup: 3, perOpenedGroup: 50, total: 2_000, maxRounds: 3 };

export interface SampleStats {
  at: number;
  groups: number;
  points: number;
  kafkaRequests: number;
  ms: number;
}

const budget = new BudgetRotation();

/**
 * One sampling round of a cluster: the shared group snapshot (one ListGroups per broker, one
 * OffsetFetch per coordinator, two ListOffsets per leader) plus time lags (at most a few Fetches per
 * leader), then one point per group and per (group, topic), and per partition for opened groups.
 */
export async function sampleCluster(
  cluster: ClusterConfig,
  only: Set<string> | 'all',
  perPartition: Set<string>,
  now = Date.now,
): Promise<LagSample[]> {
  const snapshot = await getGroupSnapshot(cluster, { keepAlive: false, maxAgeMs: LIVE_SAMPLE_MS - 1_000 });
  const groups = snapshot.groups.filter((g) => only === 'all' || only.has(g.groupId)).map((g) => g.groupId);
  // Live rounds (the groups pages show) are few: only the minute's round of every group rotates.
  const order = only === 'all' ? budget.order(cluster.id, groups, perPartition) : groups;
  const times = await readTimeLags(cluster, snapshot, order, {
    perGroup: (id) => (perPartition.has(id) ? TIME_LAG.perOpenedGroup : TIME_LAG.perGroup),
    total: TIME_LAG.total,
    rounds: TIME_LAG.maxRounds,
  });
  if (only === 'all') budget.advance(cluster.id, order, perPartition, times);
  const t = now();
  const samples: LagSample[] = [];
  for (const groupId of groups) {
    const lags = partitionLags(snapshot.committed.get(groupId), snapshot.watermarks);
    if (lags.length === 0 || lags.some((l) => l.lag === null || l.committed === null || l.high === null))
      continue;
    const timeOf = times.get(groupId) ?? new Map<string, number>();
    const add = (topic: string, partition: number, part: typeof lags) => {
      const lag = part.reduce((s, l) => s + l.lag!, 0);
      const known = part.flatMap((l) => timeOf.get(partitionKey(l.topic, l.partition)) ?? []);
      samples.push({
        groupId,
        topic,
        partition,
        t,
        lag,
        committed: part.reduce((s, l) => s + l.committed!, 0),
        logEnd: part.reduce((s, l) => s + l.high!, 0),
        timeLagMs: lag === 0 ? 0 : known.length ? Math.max(...known) : null,
      });
    };
    add('', -1, lags);
    const topics = [...new Set(lags.map((l) => l.topic))];
    if (topics.length > 1 || perPartition.has(groupId)) {
      for (const topic of topics)
        add(
          topic,
          -1,
          lags.filter((l) => l.topic === topic),
        );
    } else {
      // One topic: its series is the group's, point for point.
      samples.push({ ...samples.at(-1)!, topic: topics[0]! });
    }
    if (perPartition.has(groupId)) for (const l of lags) add(l.topic, l.partition, [l]);
  }
  return samples;
}

interface SamplerState {
  leadership: Leadership;
  timer: NodeJS.Timeout;
  lastAll: Map<string, number>;
  busy: Set<string>;
  lastRollup: number;
  stats: Map<string, SampleStats>;
}

/** Told of every sample of all groups of a cluster, or of its failure, by the sampling process only. */
export type SampleListener = (cluster: ClusterConfig, sampled: LagSample[] | Error, at: number) => void;

const holder = globalThis as unknown as {
  __kafkascopeSampler?: SamplerState;
  __kafkascopeWatchMarks?: Map<string, number>;
  __kafkascopeSampleListeners?: Set<SampleListener>;
};

/** Alerts evaluate right after each sample, in the one process that samples (the lease's holder). */
export function onClusterSampled(listener: SampleListener): () => void {
  const listeners = (holder.__kafkascopeSampleListeners ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tellListeners(cluster: ClusterConfig, sampled: LagSample[] | Error, at: number): void {
  for (const listener of holder.__kafkascopeSampleListeners ?? []) {
    try {
      listener(cluster, sampled, at);
    } catch (error) {
      log('warn', 'sample listener failed', { cluster: cluster.id, error: (error as Error).message });
    }
  }
}

async function tick(state: SamplerState): Promise<void> {
  if (!state.leadership.isLeader()) return;
  const store = await getStore();
  const now = Date.now();
  await Promise.all(
    getConfig().clusters.map(async (cluster) => {
      if (state.busy.has(cluster.id)) return;
      state.busy.add(cluster.id);
      try {
        const watched = await watchedGroups(store, cluster.id, now);
        const all = now - (state.lastAll.get(cluster.id) ?? 0) >= IDLE_SAMPLE_MS - LIVE_SAMPLE_MS / 2;
        const live = watched.live.size > 0;
        if (!all && !live) return;
        const started = Date.now();
        const { result: samples, kafkaRequests } = await withRequestCount(() =>
          sampleCluster(cluster, all ? 'all' : watched.live, watched.partitions),
        );
        await writeSamples(store, cluster.id, samples);
        if (all) {
          state.lastAll.set(cluster.id, now);
          tellListeners(cluster, samples, now);
        }
        state.stats.set(cluster.id, {
          at: now,
          groups: new Set(samples.map((s) => s.groupId)).size,
          points: samples.length,
          kafkaRequests,
          ms: Date.now() - started,
        });
      } catch (error) {
        // A cluster that is down leaves a gap in its charts; the others are sampled as usual.
        if (now - (state.lastAll.get(cluster.id) ?? 0) >= IDLE_SAMPLE_MS - LIVE_SAMPLE_MS / 2) {
          state.lastAll.set(cluster.id, now);
          log('warn', 'lag sample failed', { cluster: cluster.id, error: (error as Error).message });
          tellListeners(cluster, error as Error, now);
        }
      } finally {
        state.busy.delete(cluster.id);
      }
    }),
  );
  if (now - state.lastRollup >= ROLLUP_EVERY_MS) {
    state.lastRollup = now;
    const result = await rollUp(store, retentionFrom(), now);
    if (result.deleted > 0 || result.buckets > 0) log('debug', 'lag history rolled up', result);
  }
}

/**
 * Starts sampling every cluster's lag into the store (idempotent). Several console processes on one
 * PostgreSQL take turns through a lease: the one holding it samples and rolls up, the others serve
 * reads, and one of them takes over within a minute when the holder dies.
 */
export function startLagSampling(): void {
  if (holder.__kafkascopeSampler) return;
  outsideRequestCount(() => {
    const state: SamplerState = {
      leadership: holdLease(getStore, 'lag-sampler'),
      // Every 5 s: the live groups' pace; the minute's round of every group falls on one of these.
      timer: setInterval(() => {
        tick(state).catch((error: Error) => log('warn', 'lag sampling paused', { error: error.message }));
      }, LIVE_SAMPLE_MS),
      lastAll: new Map(),
      busy: new Set(),
      lastRollup: 0,
      stats: new Map(),
    };
    state.timer.unref();
    holder.__kafkascopeSampler = state;
  });
}

export async function stopLagSampling(): Promise<void> {
  const state = holder.__kafkascopeSampler;
  holder.__kafkascopeSampler = undefined;
  if (!state) return;
  clearInterval(state.timer);
  await state.leadership.stop();
}

export const samplerStatus = () => {
  const state = holder.__kafkascopeSampler;
  return state ? { leader: state.leadership.isLeader(), clusters: Object.fromEntries(state.stats) } : null;
};

/**
 * Tells the sampling process (whichever holds the lease) that a page shows these groups, at most
 * once every 10 s per set; `opened` (a group's own page) adds its partitions. Never fails a page.
 */
export function markShown(cluster: ClusterConfig, groupIds: string[], opened = false): void {
  if (groupIds.length === 0) return;
  const marks = (holder.__kafkascopeWatchMarks ??= new Map());
  const key = `${cluster.id}\u0000${opened}\u0000${groupIds.join('\u0000')}`;
  const now = Date.now();
  if (now - (marks.get(key) ?? 0) < 10_000) return;
  marks.set(key, now);
  if (marks.size > 1_000) for (const [k, at] of marks) if (now - at > 10_000) marks.delete(k);
  getStore()
    .then((store) =>
      watchGroups(store, cluster.id, groupIds, {
        liveUntil: now + LIVE_MARK_MS,
        partitionsUntil: opened ? now + PARTITIONS_MARK_MS : undefined,
      }),
    )
    .catch(() => undefined);
}
