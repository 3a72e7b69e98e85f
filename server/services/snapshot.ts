import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { toAppError } from '@/server/kafka/errors';
import { fetchLogDirs, type LogDirReport } from '@/server/kafka/log-dirs';
import { clientsFor, connected } from '@/server/kafka/registry';
import { withTimeout } from '@/server/kafka/timeout';
import { describeTopology, detectKafkaRelease, type Topology } from '@/server/kafka/topology';
import { fetchWatermarks, type WatermarkResult } from '@/server/kafka/watermarks';
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
  cached(key(config, 'topology'), TTL_MS, () => describeTopology(config, 'all'));

/** A rolling upgrade changes it, so it is asked again every minute, not once. */
export const getKafkaRelease = (config: ClusterConfig) =>
  cached(key(config, 'release'), 60_000, () => detectKafkaRelease(config));

/** Log directory sizes of every live broker: one DescribeLogDirs per broker. */
export const getLogDirs = (config: ClusterConfig, topology: Topology) =>
  cached(key(config, 'logdirs'), TTL_MS, async () => {
    const clients = await connected(clientsFor(config));
    return withTimeout(
      fetchLogDirs(
        clients,
        topology.brokers.map((b) => b.id),
      ),
      config.requestTimeoutMs,
      'DescribeLogDirs',
    );
  });

/** Everything the topic list needs, in requests that grow with brokers: Metadata, 2 ListOffsets and 1 DescribeLogDirs per broker. */
export const getSnapshot = (config: ClusterConfig): Promise<Snapshot> =>
  cached(key(config, 'snapshot'), TTL_MS, async () => {
    try {
      const topology = await getTopology(config);
      const clients = await connected(clientsFor(config));
      const [watermarks, logDirs] = await Promise.all([
        withTimeout(fetchWatermarks(clients, topology.topics), config.requestTimeoutMs, 'ListOffsets'),
        getLogDirs(config, topology),
      ]);
      return { topology, watermarks, logDirs };
    } catch (error) {
      throw toAppError(error, `Cluster "${config.name}"`, config);
    }
  });

/** After a change made through the console, the next read goes to Kafka. */
export const invalidateCluster = (config: ClusterConfig) => invalidate(`${config.id}/`);
