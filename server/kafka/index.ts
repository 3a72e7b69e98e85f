/**
 * The one door to Kafka. Services and route handlers import from here only (an ESLint rule says so):
 * `kafka(cluster)` gives the gateway of one cluster; the rest are its types and the counters the
 * HTTP layer reads. kafkajs, the client registry, wire types and time-outs stay behind it.
import 'server-only';
 */
export { kafka, type CallOptions, type FetchOptions, type KafkaCluster } from '@/server/kafka/cluster';
export { KafkaError, kafkaErrorType, kindOfKafkaError, type KafkaErrorKind } from '@/server/kafka/errors';
export { disconnectAll } from '@/server/kafka/client/registry';
export { observeKafkaRequests, type RequestObserver } from '@/server/kafka/client/instrument';
export { outsideRequestCount, totalKafkaRequests, withRequestCount } from '@/server/kafka/request-count';
export {
  partitionKey,
  type LeaderPartition,
  type WatermarkResult,
  type Watermarks,
} from '@/server/kafka/ops/watermarks';
export type { BrokerNode, PartitionMeta, TopicMeta, Topology } from '@/server/kafka/ops/topology';
export { lastKnownBroker } from '@/server/kafka/ops/topology';
export type { LogDirReport } from '@/server/kafka/ops/log-dirs';
export type { LogDir } from '@/server/kafka/protocol/describe-log-dirs';
export type { QuorumInfo } from '@/server/kafka/protocol/describe-quorum';
export type { ConfigEntry } from '@/server/kafka/ops/configs';
export { TOPIC_CONFIGS_BATCH } from '@/server/kafka/ops/configs';
export type { GroupEntry } from '@/server/kafka/ops/groups';
export type {
  GroupDescription,
  GroupMemberDescription,
  UnsupportedDescribe,
} from '@/server/kafka/ops/group-describe';
export type {
  StreamsMemberDetails,
  StreamsSubtopology,
  StreamsTasks,
  StreamsTopicInfo,
  StreamsTopology,
} from '@/server/kafka/ops/streams-groups';
export type { GroupOffsets } from '@/server/kafka/protocol/offset-fetch';
export type { DeferredFetch, FetchPosition, PartitionFetch } from '@/server/kafka/ops/fetch';
export type { Compression, FetchedRecord, TransactionState } from '@/server/kafka/ops/record-batch';
export type { OutgoingMessage } from '@/server/kafka/ops/produce';
export type { BrokerConfigEntry } from '@/server/kafka/ops/broker-configs';
export type { ScramChange, ScramUserInfo } from '@/server/kafka/ops/scram';
export type { ScramMechanism } from '@/server/kafka/protocol/scram-credentials';
export type {
  QuotaEntityPart,
  QuotaEntityType,
  QuotaEntry,
  QuotaFilter,
  QuotaOp,
} from '@/server/kafka/protocol/client-quotas';
export type { TransactionEntry } from '@/server/kafka/ops/transactions';
export type {
  ActiveProducer,
  DescribedTransaction,
  PartitionProducers,
  TxnMarker,
} from '@/server/kafka/protocol/transactions';
export type { AclBindingSpec, AclFilterSpec, AclOutcome } from '@/server/kafka/ops/acls';
export type { PartitionOutcome } from '@/server/kafka/ops/reassignments';
export type {
  ElectionType,
  OngoingReassignment,
  ReassignmentTarget,
} from '@/server/kafka/protocol/partition-reassignments';
