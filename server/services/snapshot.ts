import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, type LogDirReport, type Topology, type WatermarkResult } from '@/server/kafka';
import { cached, invalidate } from '@/server/services/cache';

/** How long a cluster-wide read is shared between requests: fresh enough for a console, cheap at scale. */
const TTL_MS = 2_000;

export interface Snapshot {
  topology: Topology;
  watermarks: WatermarkResult;
  logDirs: LogDirReport;
}

const key = (config: ClusterConfig, part: string) => `${config.id}/${part}`;

/** Cluster metadata for all topics: one Metadata (+ one DescribeQuorum) request. */
export const getTopology = (config: ClusterConfig) =>
  cached(key(config, 'topology'), TTL_MS, () => kafka(config).metadata('all'));

/** A rolling upgrade changes it, so it is asked again every minute, not once. */
export const getKafkaRelease = (config: ClusterConfig) =>
  cached(key(config, 'release'), 60_000, () => kafka(config).release());

/** Log directory sizes of every live broker: one DescribeLogDirs per broker. */
export const getLogDirs = (config: ClusterConfig, topology: Topology) =>
  cached(key(config, 'logdirs'), TTL_MS, () => kafka(config).logDirs(topology.brokers.map((b) => b.id)));

/** Everything the topic list needs, in requests that grow with brokers: Metadata, 2 ListOffsets and 1 DescribeLogDirs per broker. */
export const getSnapshot = (config: ClusterConfig): Promise<Snapshot> =>
  cached(key(config, 'snapshot'), TTL_MS, async () => {
    const topology = await getTopology(config);
    const [watermarks, logDirs] = await Promise.all([
      kafka(config).watermarks(topology.topics),
      getLogDirs(config, topology),
    ]);
    return { topology, watermarks, logDirs };
  });

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
