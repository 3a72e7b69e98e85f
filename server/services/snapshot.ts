import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import {
  kafka,
  type CallOptions,
  type LogDirReport,
  type Topology,
  type WatermarkResult,
} from '@/server/kafka';
import { cached, invalidate, live, peekLive } from '@/server/services/cache';

/**
 * How often the cluster-wide reads are refreshed in the background while pages use them: no page
 * polls faster (groups every 5 s), so no answer is older than its page's refresh interval.
 */
export const LIVE_REFRESH_MS = 5_000;
/** Log-dir sizes cost the brokers most at scale; the pages showing them poll every 10-15 s. */
const LOG_DIRS_REFRESH_MS = 10_000;

export interface Snapshot {
  topology: Topology;
  watermarks: WatermarkResult;
  logDirs: LogDirReport;
}

const key = (config: ClusterConfig, part: string) => `${config.id}/${part}`;

/** Cluster metadata for all topics: one Metadata (+ one DescribeQuorum) request, kept fresh while in use. */
export const getTopology = (config: ClusterConfig, options?: { keepAlive?: boolean }) =>
  live(key(config, 'topology'), LIVE_REFRESH_MS, () => kafka(config).metadata('all'), options);

/** The whole cluster's metadata if a page keeps it fresh already, else undefined (nothing is asked). */
export const freshTopology = (config: ClusterConfig) => peekLive<Topology>(key(config, 'topology'));

/**
 * Metadata of some topics (brokers and controller included): taken from the cluster-wide read when
 * that is fresh, else asked for these topics alone, so that its cost does not grow with the cluster.
 */
export async function topologyOf(
  config: ClusterConfig,
  topics: string[],
  options?: CallOptions,
): Promise<Topology> {
  const whole = freshTopology(config);
  if (whole) return whole;
  return kafka(config).metadata([...new Set(topics)].sort(), options);
}

/** A rolling upgrade changes it, so it is asked again every minute, not once. */
export const getKafkaRelease = (config: ClusterConfig) =>
  cached(key(config, 'release'), 60_000, () => kafka(config).release());

/** Log directory sizes of every live broker: one DescribeLogDirs per broker, kept fresh while in use. */
export const getLogDirs = (config: ClusterConfig) =>
  live(key(config, 'logdirs'), LOG_DIRS_REFRESH_MS, async () => {
    const topology = await getTopology(config);
    return kafka(config).logDirs(topology.brokers.map((b) => b.id));
  });

/** Watermarks of every partition: two ListOffsets per leader, kept fresh while in use. */
export const getAllWatermarks = (config: ClusterConfig) =>
  live(key(config, 'watermarks'), LIVE_REFRESH_MS, async () =>
    kafka(config).watermarks((await getTopology(config)).topics),
  );

/**
 * Everything the topic list needs, in requests that grow with brokers: Metadata, 2 ListOffsets and
 * 1 DescribeLogDirs per broker, each refreshed in the background while the list is open.
 */
export async function getSnapshot(config: ClusterConfig): Promise<Snapshot> {
  const [topology, watermarks, logDirs] = await Promise.all([
    getTopology(config),
    getAllWatermarks(config),
    getLogDirs(config),
  ]);
  return { topology, watermarks, logDirs };
}

/** After a change made through the console, the next read goes to Kafka. */
export const invalidateCluster = (config: ClusterConfig) => invalidate(`${config.id}/`);

/** Runs a change to the cluster; the cluster's shared reads are dropped afterwards, whether it worked or not. */
export async function changing<T>(config: ClusterConfig, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } finally {
    invalidateCluster(config);
  }
}
