import 'server-only';
import { sendTo, settleEach } from '@/server/kafka/client/brokers-access';
import {
  describeLogDirsRequest,
  describeLogDirsVersion,
  type LogDir,
  type LogDirTopics,
} from '@/server/kafka/protocol/describe-log-dirs';
import type { ClusterClients } from '@/server/kafka/client/registry';
import { partitionKey } from '@/server/kafka/ops/watermarks';

export interface LogDirReport {
  /** Per broker that answered: its log directories. */
  byBroker: Map<number, LogDir[]>;
  /** Bytes per partition summed over its replicas (current logs; future logs of a move are left out). */
  partitionBytes: Map<string, number>;
  unavailableBrokers: number[];
}

/** DescribeLogDirs on the given brokers, for all their partitions or only those of `topics`: one request per broker. */
export async function fetchLogDirs(
  clients: ClusterClients,
  brokerIds: number[],
  topics: LogDirTopics | null = null,
): Promise<LogDirReport> {
  const { ok, failed } = await settleEach(brokerIds, (id) =>
    sendTo(clients, id, (broker) => {
      const version = describeLogDirsVersion(broker);
      if (version === null) throw new Error(`broker ${id} does not support DescribeLogDirs v1+`);
      return describeLogDirsRequest(version, topics);
    }),
  );
  const partitionBytes = new Map<string, number>();
  for (const dirs of ok.values()) {
    for (const dir of dirs) {
      for (const p of dir.partitions) {
        if (p.isFuture) continue;
        const key = partitionKey(p.topic, p.partition);
        partitionBytes.set(key, (partitionBytes.get(key) ?? 0) + p.sizeBytes);
      }
    }
  }
  return { byBroker: ok, partitionBytes, unavailableBrokers: [...failed.keys()].sort((a, b) => a - b) };
}
