import 'server-only';
import type { ClusterClients } from '@/server/kafka/client/registry';

export interface NewTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * Creates a topic; false when it already exists. Its leaders are waited for by the caller: kafkajs's
 * own wait retries only LEADER_NOT_AVAILABLE, and a broker that has not yet heard of the new topic
 * answers UNKNOWN_TOPIC_OR_PARTITION, which kafkajs would report as a failure of the create.
 */
export async function createTopic(
  clients: ClusterClients,
  topic: NewTopic,
  timeoutMs: number,
): Promise<boolean> {
  return clients.admin.createTopics({
    waitForLeaders: false,
    timeout: timeoutMs,
    topics: [
      {
        topic: topic.name,
        numPartitions: topic.partitions,
        replicationFactor: topic.replicationFactor,
        configEntries: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
      },
    ],
  });
}

export async function deleteTopic(clients: ClusterClients, topic: string, timeoutMs: number): Promise<void> {
  await clients.admin.deleteTopics({ topics: [topic], timeout: timeoutMs });
}

/** Grows a topic to `count` partitions in total (Kafka cannot shrink one). */
export async function addPartitions(
  clients: ClusterClients,
  topic: string,
  count: number,
  timeoutMs: number,
): Promise<void> {
  await clients.admin.createPartitions({
    topicPartitions: [{ topic, count }],
    timeout: timeoutMs,
    validateOnly: false,
  });
}

/** DeleteRecords: moves each partition's low watermark up to `offset` (-1: the high watermark). */
export async function deleteRecords(
  clients: ClusterClients,
  topic: string,
  partitions: { partition: number; offset: number }[],
): Promise<void> {
  // kafkajs finds the partition leaders in its cached metadata: make sure it knows this topic now.
  await clients.admin.fetchTopicMetadata({ topics: [topic] });
  await clients.admin.deleteTopicRecords({
    topic,
    partitions: partitions.map((p) => ({ partition: p.partition, offset: String(p.offset) })),
  });
}
