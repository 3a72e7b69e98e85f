import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import {
  incrementalAlterConfigsRequest,
  RESOURCE_TOPIC,
  type ConfigChange,
} from '@/server/kafka/protocol/incremental-alter-configs';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import type { ClusterClients } from '@/server/kafka/client/registry';

export interface ConfigEntry {
  name: string;
  /** Null for a sensitive value: it never leaves the gateway. */
  value: string | null;
  source: 'topic' | 'broker' | 'cluster' | 'static' | 'default' | 'unknown';
  isDefault: boolean;
  sensitive: boolean;
  readOnly: boolean;
}

// DescribeConfigs v1+ config sources (DescribeConfigsResponse.json).
const SOURCES: Record<number, ConfigEntry['source']> = {
  1: 'topic',
  2: 'broker',
  3: 'cluster',
  4: 'static',
  5: 'default',
  6: 'broker',
};

interface RawEntry {
  configName: string;
  configValue: string | null;
  readOnly: boolean;
  isDefault: boolean;
  configSource?: number;
  isSensitive: boolean;
}

/** Sensitive values (passwords, keys) stop here: callers get null. */
function toEntry(raw: RawEntry): ConfigEntry {
  return {
    name: raw.configName,
    value: raw.isSensitive ? null : raw.configValue,
    source: SOURCES[raw.configSource ?? -1] ?? (raw.isDefault ? 'default' : 'unknown'),
    isDefault: raw.isDefault || raw.configSource === 5,
    sensitive: raw.isSensitive,
    readOnly: raw.readOnly,
  };
}

async function describe(
  clients: ClusterClients,
  type: ConfigResourceTypes,
  name: string,
): Promise<ConfigEntry[]> {
  const { resources } = await clients.admin.describeConfigs({
    resources: [{ type, name }],
    includeSynonyms: false,
  });
  const resource = resources[0];
  if (!resource) throw new Error(`No configuration returned for ${name}`);
  if (resource.errorCode !== 0)
    throw new KafkaProtocolError(resource.errorCode, 'DescribeConfigs', resource.errorMessage);
  return (resource.configEntries as RawEntry[]).map(toEntry).sort((a, b) => a.name.localeCompare(b.name));
}

export const describeTopicConfigs = (clients: ClusterClients, topic: string) =>
  describe(clients, ConfigResourceTypes.TOPIC, topic);

/** At most this many topics in one DescribeConfigs (callers batch a longer list themselves). */
export const TOPIC_CONFIGS_BATCH = 1000;

/**
 * Some keys of several topics in one DescribeConfigs (any broker answers topic resources): each topic's
 * entries for `names`, or its error (a topic deleted meanwhile answers UNKNOWN_TOPIC_OR_PARTITION) as data.
 */
export async function describeConfigsOfTopics(
  clients: ClusterClients,
  topics: string[],
  names: string[],
): Promise<{ topic: string; entries: ConfigEntry[]; error: string | null }[]> {
  if (topics.length === 0) return [];
  if (topics.length > TOPIC_CONFIGS_BATCH)
    throw new Error(`At most ${TOPIC_CONFIGS_BATCH} topics per DescribeConfigs (asked for ${topics.length})`);
  const { resources } = await clients.admin.describeConfigs({
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: names })),
    includeSynonyms: false,
  });
  return resources.map((resource) => ({
    topic: resource.resourceName,
    entries: (resource.configEntries as RawEntry[]).map(toEntry),
    error:
      resource.errorCode === 0
        ? null
        : new KafkaProtocolError(resource.errorCode, 'DescribeConfigs', resource.errorMessage).type,
  }));
}

/** Broker configs are answered by the broker itself (its static and dynamic settings). */
export const describeBrokerConfigs = (clients: ClusterClients, brokerId: number) =>
  describe(clients, ConfigResourceTypes.BROKER, String(brokerId));

/** Sets and removes topic config overrides, leaving all others as they are. */
export async function alterTopicConfigs(
  clients: ClusterClients,
  topic: string,
  changes: ConfigChange[],
): Promise<void> {
  const results = await onAnyBroker(clients, (broker) =>
    sendTo(clients, broker.nodeId, () => incrementalAlterConfigsRequest(RESOURCE_TOPIC, topic, changes)),
  );
  const failure = results.find((r) => r.errorCode !== 0);
  if (failure)
    throw new KafkaProtocolError(failure.errorCode, 'IncrementalAlterConfigs', failure.errorMessage);
}
