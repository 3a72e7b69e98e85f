import 'server-only';
import { onAnyBroker, sendTo } from '@/server/kafka/client/brokers-access';
import type { RawBroker } from '@/server/kafka/client/internals';
import type { ClusterClients } from '@/server/kafka/client/registry';
import {
  DESCRIBE_CONFIGS,
  describeConfigsRequest,
  type ConfigSourceName,
  type ConfigTypeName,
} from '@/server/kafka/protocol/describe-configs';
import {
  incrementalAlterConfigsRequest,
  RESOURCE_BROKER,
  type ConfigChange,
} from '@/server/kafka/protocol/incremental-alter-configs';
import { KafkaProtocolError } from '@/server/kafka/protocol/protocol-error';
import { requiredVersion } from '@/server/kafka/protocol/versions';

export interface BrokerConfigEntry {
  name: string;
  /** Null for a sensitive value (it never leaves the gateway) or a key without a value. */
  value: string | null;
  /** Whether a sensitive key has a value at this level. */
  isSet: boolean;
  source: ConfigSourceName;
  type: ConfigTypeName;
  readOnly: boolean;
  sensitive: boolean;
  documentation: string | null;
  /** Every level that sets the key, most specific first; sensitive values null. */
  synonyms: { name: string; value: string | null; source: ConfigSourceName }[];
}

/**
 * One broker's configuration (brokerId) or the cluster-wide dynamic defaults (null), each key with
 * its source, type, documentation and synonyms. A broker answers for itself: its static settings
 * are known only to it.
 */
export async function describeBrokerConfigsFull(
  clients: ClusterClients,
  brokerId: number | null,
): Promise<BrokerConfigEntry[]> {
  const resourceName = brokerId === null ? '' : String(brokerId);
  const build = (broker: RawBroker) =>
    describeConfigsRequest(
      [{ resourceType: RESOURCE_BROKER, resourceName }],
      requiredVersion(broker.versions, DESCRIBE_CONFIGS),
    );
  const results =
    brokerId === null
      ? await onAnyBroker(clients, (broker) => sendTo(clients, broker.nodeId, build))
      : await sendTo(clients, brokerId, build);
  const resource = results[0];
  if (!resource) throw new Error(`No configuration returned for broker ${resourceName || 'defaults'}`);
  if (resource.errorCode !== 0)
    throw new KafkaProtocolError(resource.errorCode, 'DescribeConfigs', resource.errorMessage);
  return resource.configs
    .map((c) => ({
      name: c.name,
      value: c.sensitive ? null : c.value,
      isSet: c.value !== null || (c.sensitive && c.source !== 'DEFAULT_CONFIG' && c.source !== 'UNKNOWN'),
      source: c.source,
      type: c.type,
      readOnly: c.readOnly,
      sensitive: c.sensitive,
      documentation: c.documentation,
      synonyms: c.synonyms.map((s) => ({ ...s, value: c.sensitive ? null : s.value })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Sets (value) and removes (null) dynamic broker configs of one broker or the cluster-wide default
 * (null). validateOnly has Kafka check the change without applying it.
 */
export async function alterBrokerConfigs(
  clients: ClusterClients,
  brokerId: number | null,
  changes: ConfigChange[],
  validateOnly = false,
): Promise<void> {
  const resourceName = brokerId === null ? '' : String(brokerId);
  const build = () => incrementalAlterConfigsRequest(RESOURCE_BROKER, resourceName, changes, validateOnly);
  const results =
    brokerId === null
      ? await onAnyBroker(clients, (broker) => sendTo(clients, broker.nodeId, build))
      : await sendTo(clients, brokerId, build);
  const failure = results.find((r) => r.errorCode !== 0);
  if (failure)
    throw new KafkaProtocolError(failure.errorCode, 'IncrementalAlterConfigs', failure.errorMessage);
}
