import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import {
  clientsFor,
  connected,
  producerFor,
  resetProducer,
  type ClusterClients,
} from '@/server/kafka/client/registry';
import { withTimeout } from '@/server/kafka/client/timeout';
import {
  createAcls,
  deleteAcls,
  describeAcls,
  type AclBindingSpec,
  type AclFilterSpec,
} from '@/server/kafka/ops/acls';
import { toKafkaError } from '@/server/kafka/errors';
import {
  alterTopicConfigs,
  describeBrokerConfigs,
  describeConfigsOfTopics,
  describeTopicConfigs,
} from '@/server/kafka/ops/configs';
import { fetchDeferred, fetchFrom, peekMany, type FetchPosition } from '@/server/kafka/ops/fetch';
import { describeGroups } from '@/server/kafka/ops/group-describe';
import {
  commitOffsets,
  deleteGroup,
  deleteGroupOffsets,
  fetchCommittedOffsets,
  findGroupWithOffsets,
  listAllGroups,
  type GroupEntry,
} from '@/server/kafka/ops/groups';
import { fetchLogDirs } from '@/server/kafka/ops/log-dirs';
import {
  alterBrokerConfigs,
  alterReassignments,
  electLeaders,
  listReassignments,
} from '@/server/kafka/ops/reassignments';
import {
  produceLimits,
  produceMessages,
  type OutgoingMessage,
  type ProduceOptions,
} from '@/server/kafka/ops/produce';
import {
  addPartitions,
  createTopic,
  deleteRecords,
  deleteTopic,
  type NewTopic,
} from '@/server/kafka/ops/topic-admin';
import {
  describeTopology,
  detectKafkaRelease,
  topicKnownEverywhere,
  type TopicMeta,
} from '@/server/kafka/ops/topology';
import { fetchOffsetsForTime, fetchWatermarks, type LeaderPartition } from '@/server/kafka/ops/watermarks';
import type { ConfigChange } from '@/server/kafka/protocol/incremental-alter-configs';
import {
  alterBrokerConfigs as alterBrokerOrDefaultConfigs,
  describeBrokerConfigsFull,
} from '@/server/kafka/ops/broker-configs';
import { alterQuotas, describeQuotas } from '@/server/kafka/ops/quotas';
import { alterScramUsers, describeScramUsers, type ScramChange } from '@/server/kafka/ops/scram';
import type { QuotaEntityPart, QuotaFilter, QuotaOp } from '@/server/kafka/protocol/client-quotas';
import {
  describeProducers,
  describeTransactions,
  listAllTransactions,
  stableOffsets,
  writeTxnMarker,
} from '@/server/kafka/ops/transactions';
import type { TxnMarker } from '@/server/kafka/protocol/transactions';
import type { ElectionType, ReassignmentTarget } from '@/server/kafka/protocol/partition-reassignments';

/** Overrides of one call's bound, for callers that share one deadline across several calls. */
export interface CallOptions {
  timeoutMs?: number;
}

export interface FetchOptions extends CallOptions {
  maxBytesPerPartition?: number;
  /** False when only offsets and timestamps matter: nothing is read ahead, transaction states stay `unknown`. */
  settleTransactions?: boolean;
}

/**
 * Runs one gateway call: connected, bounded by the cluster's time-out (connecting included), and
 * any failure turned into one KafkaError that names what was asked.
 */
async function call<T>(
  config: ClusterConfig,
  what: string,
  fn: (clients: ClusterClients) => Promise<T>,
  options: CallOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? config.requestTimeoutMs;
  try {
    return await withTimeout(connected(clientsFor(config)).then(fn), timeoutMs, what);
  } catch (error) {
    throw toKafkaError(error, what, config);
  }
}

/**
 * The one door to a Kafka cluster. Every method is bounded by the cluster's time-out, returns the
 * gateway's own types with per-partition and per-broker failures as data, and throws KafkaError.
 * Requests are counted and timed where they are written (client/patches.ts).
 */
export function kafka(config: ClusterConfig) {
  const cluster = `Cluster "${config.name}"`;
  return {
    config,

    /** Brokers, controller, quorum and, for `topics`, their partitions: one Metadata (+ one DescribeQuorum). */
    metadata: (topics: string[] | 'all' = 'all', options?: CallOptions) =>
      call(config, cluster, () => describeTopology(config, topics), options),

    /** The Kafka release the brokers run; null when they do not say (before Kafka 3.3) or do not answer. */
    release: () => call(config, 'ApiVersions', detectKafkaRelease).catch(() => null),

    /** Low and high watermarks: two ListOffsets per leader broker. */
    watermarks: (topics: TopicMeta[], options?: CallOptions) =>
      call(config, 'ListOffsets', (c) => fetchWatermarks(c, topics), options),

    /** The first offset at or after `timestamp` per partition (null: none, read from the end). */
    offsetsForTime: (partitions: LeaderPartition[], timestamp: number, options?: CallOptions) =>
      call(config, 'ListOffsets by time', (c) => fetchOffsetsForTime(c, partitions, timestamp), options),

    /** Log directories of the given brokers, all their partitions or only those of `topics`: one DescribeLogDirs per broker. */
    logDirs: (brokerIds: number[], topics: { topic: string; partitions: number[] }[] | null = null) =>
      call(config, 'DescribeLogDirs', (c) => fetchLogDirs(c, brokerIds, topics)),

    /** Records of one topic from given offsets: one Fetch per leader, no group joined, nothing committed. */
    fetch: (topic: string, positions: FetchPosition[], options: FetchOptions = {}) =>
      call(
        config,
        'Fetch',
        (c) => fetchFrom(c, topic, positions, options.maxBytesPerPartition, options.settleTransactions),
        options,
      ),

    /**
     * As fetch, each partition's records decoded when the caller gets to them (a search's rounds),
     * and each leader's answer held to `bytes.perLeader` however many partitions it leads.
     */
    fetchDeferred: (
      topic: string,
      positions: FetchPosition[],
      bytes: { perPartition: number; perLeader?: number },
      options?: CallOptions,
    ) => call(config, 'Fetch', (c) => fetchDeferred(c, topic, positions, bytes), options),

    /**
     * The first records at given offsets of partitions of several topics, keyed by partitionKey: one
     * Fetch per leader whatever the number of topics, nothing read ahead. For timestamps.
     */
    peek: (
      positions: (FetchPosition & { topic: string })[],
      options: CallOptions & { maxBytesPerPartition: number },
    ) => call(config, 'Fetch', (c) => peekMany(c, positions, options.maxBytesPerPartition), options),

    /** Every group, each with its coordinator: one ListGroups per broker (null: every live broker). */
    listGroups: (brokerIds: number[] | null, options?: CallOptions) =>
      call(config, 'Consumer groups', (c) => listAllGroups(c, brokerIds), options),

    /**
     * One group with its coordinator and committed offsets (null: no such group): FindCoordinator,
     * then ListGroups and OffsetFetch on the coordinator at once.
     */
    group: (groupId: string, options?: CallOptions) =>
      call(config, `Consumer group "${groupId}"`, (c) => findGroupWithOffsets(c, groupId), options),

    /** Committed offsets (share groups: start offsets and lag): OffsetFetch batched per coordinator. */
    committedOffsets: (groups: GroupEntry[], options?: CallOptions) =>
      call(config, 'Consumer groups', (c) => fetchCommittedOffsets(c, groups), options),

    /** Members and assignments, each group with its own protocol's describe API. */
    describeGroups: (groups: GroupEntry[], options?: CallOptions) =>
      call(config, 'DescribeGroups', (c) => describeGroups(c, groups), options),

    commitOffsets: (
      group: GroupEntry,
      topics: { topic: string; partitions: { partition: number; offset: number }[] }[],
    ) =>
      call(config, `Reset offsets of "${group.groupId}"`, (c) =>
        commitOffsets(c, group.coordinator, group.groupId, topics),
      ),

    deleteGroupOffsets: (group: GroupEntry, topic: string, partitions: number[]) =>
      call(config, `Delete offsets of "${group.groupId}" for "${topic}"`, (c) =>
        deleteGroupOffsets(c, group.coordinator, group.groupId, topic, partitions),
      ),

    deleteGroup: (groupId: string) =>
      call(config, `Delete group "${groupId}"`, (c) => deleteGroup(c, groupId)),

    topicConfigs: (topic: string) =>
      call(config, `Configuration of "${topic}"`, (c) => describeTopicConfigs(c, topic)),

    /**
     * Some keys of up to TOPIC_CONFIGS_BATCH topics in one DescribeConfigs; a topic's own failure (say
     * deleted meanwhile) is its `error`, not the call's.
     */
    configsOfTopics: (topics: string[], names: string[]) =>
      call(config, 'DescribeConfigs of topics', (c) => describeConfigsOfTopics(c, topics, names)),

    brokerConfigs: (brokerId: number) =>
      call(config, `Broker ${brokerId}`, (c) => describeBrokerConfigs(c, brokerId)),

    /** Sets (value) and removes (null) topic config overrides, leaving the others as they are. */
    alterTopicConfigs: (topic: string, changes: ConfigChange[]) =>
      call(config, `Configure "${topic}"`, (c) => alterTopicConfigs(c, topic, changes)),

    /** False when the topic exists already. Brokers learn of its partitions a moment later. */
    createTopic: (topic: NewTopic) =>
      call(config, `Create topic "${topic.name}"`, (c) => createTopic(c, topic, config.requestTimeoutMs)),

    deleteTopic: (topic: string) =>
      call(config, `Delete topic "${topic}"`, async (c) => {
        await deleteTopic(c, topic, config.requestTimeoutMs);
        // kafkajs's producer fails every send once a topic it wrote to is gone: start a new one.
        resetProducer(c);
      }),

    /** Whether every live broker knows the topic with at least `partitions` partitions, all led. */
    topicReady: (topic: string, partitions: number) =>
      call(config, `Topic "${topic}"`, (c) => topicKnownEverywhere(c, topic, partitions)),

    /** Grows a topic to `count` partitions in all. */
    addPartitions: (topic: string, count: number) =>
      call(config, `Add partitions to "${topic}"`, (c) =>
        addPartitions(c, topic, count, config.requestTimeoutMs),
      ),

    /** DeleteRecords: moves each partition's log start up to `offset` (-1: its high watermark). */
    deleteRecords: (topic: string, partitions: { partition: number; offset: number }[]) =>
      call(config, `Purge "${topic}"`, (c) => deleteRecords(c, topic, partitions)),

    /**
     * Writes messages with the console's own Produce requests, in order per partition, in batches
     * that fit the topic's and the broker's size limits; each message's partition and offset.
     */
    produce: (
      topic: TopicMeta,
      messages: OutgoingMessage[],
      options: Omit<ProduceOptions, 'limits' | 'timeoutMs'>,
    ) =>
      call(config, `Produce to "${topic.name}"`, async (c) =>
        produceMessages(c, topic, messages, {
          ...options,
          timeoutMs: config.requestTimeoutMs,
          limits: await produceLimits(c, topic),
        }),
      ),

    /** SCRAM users with mechanisms and iterations: DescribeUserScramCredentials (null: every user). */
    scramUsers: (users: string[] | null = null) =>
      call(config, 'DescribeUserScramCredentials', (c) => describeScramUsers(c, users)),

    /** Creates, changes and deletes SCRAM credentials; salted here, the password is never sent. */
    alterScramUsers: (changes: ScramChange[]) =>
      call(config, 'AlterUserScramCredentials', (c) => alterScramUsers(c, changes)),

    /** Client quotas of every entity matching `filters` (none: all): DescribeClientQuotas. */
    clientQuotas: (filters: QuotaFilter[] = []) =>
      call(config, 'DescribeClientQuotas', (c) => describeQuotas(c, filters)),

    /** Sets (value) and removes (null) quotas of one entity: AlterClientQuotas. */
    alterClientQuotas: (entity: QuotaEntityPart[], ops: QuotaOp[], validateOnly = false) =>
      call(config, 'AlterClientQuotas', (c) => alterQuotas(c, entity, ops, validateOnly)),

    /** A broker's (null: the cluster-wide defaults') configs with sources, types, documentation, synonyms. */
    brokerConfigsFull: (brokerId: number | null) =>
      call(config, brokerId === null ? 'Cluster-wide broker defaults' : `Broker ${brokerId}`, (c) =>
        describeBrokerConfigsFull(c, brokerId),
      ),

    /** Sets and removes dynamic configs of a broker (null: cluster-wide default); validateOnly only checks. */
    alterBrokerConfigs: (brokerId: number | null, changes: ConfigChange[], validateOnly = false) =>
      call(config, brokerId === null ? 'Configure broker defaults' : `Configure broker ${brokerId}`, (c) =>
        alterBrokerOrDefaultConfigs(c, brokerId, changes, validateOnly),
      ),
    /** Every transactional id with its state and producer id: one ListTransactions per broker. */
    listTransactions: (filters: { states?: string[]; producerIds?: number[] } = {}, options?: CallOptions) =>
      call(config, 'ListTransactions', (c) => listAllTransactions(c, filters), options),

    /** State, timeout, start and partitions of transactional ids: DescribeTransactions on each one's coordinator. */
    describeTransactions: (
      transactionalIds: (string | { transactionalId: string; coordinator: number })[],
      options?: CallOptions,
    ) => call(config, 'DescribeTransactions', (c) => describeTransactions(c, transactionalIds), options),

    /** The active (idempotent or transactional) producers of partitions: DescribeProducers to each leader. */
    describeProducers: (partitions: LeaderPartition[], options?: CallOptions) =>
      call(config, 'DescribeProducers', (c) => describeProducers(c, partitions), options),

    /** Last stable offset (READ_COMMITTED) and high watermark per partition: two ListOffsets per leader. */
    stableOffsets: (partitions: LeaderPartition[], options?: CallOptions) =>
      call(config, 'ListOffsets read_committed', (c) => stableOffsets(c, partitions), options),

    /** Writes one transaction marker on a partition, as its coordinator would: WriteTxnMarkers to the leader. */
    writeTxnMarker: (leader: number, marker: TxnMarker) =>
      call(
        config,
        `${marker.commit ? 'Commit' : 'Abort'} the transaction of producer ${marker.producerId} on "${marker.topic}"`,
        (c) => writeTxnMarker(c, leader, marker),
      ),
    /** ACL bindings matching a filter: one DescribeAcls. SECURITY_DISABLED: the cluster has no authorizer. */
    acls: (filter: AclFilterSpec) => call(config, 'DescribeAcls', (c) => describeAcls(c, filter)),

    /** Creates bindings, each answered on its own (one refused does not stop the others). */
    createAcls: (bindings: AclBindingSpec[]) => call(config, 'CreateAcls', (c) => createAcls(c, bindings)),

    /** Deletes exact bindings, each answered on its own. */
    deleteAcls: (bindings: AclBindingSpec[]) => call(config, 'DeleteAcls', (c) => deleteAcls(c, bindings)),
    /** AlterPartitionReassignments: new replica lists, or null to cancel; per-partition errors as data. */
    alterReassignments: (targets: ReassignmentTarget[]) =>
      call(config, 'Reassign partitions', (c) => alterReassignments(c, targets, config.requestTimeoutMs)),

    /** ListPartitionReassignments: the reassignments under way (all, or of the given partitions). */
    listReassignments: (topics: { topic: string; partitions: number[] }[] | null = null) =>
      call(config, 'List reassignments', (c) => listReassignments(c, topics, config.requestTimeoutMs)),

    /** ElectLeaders (0 preferred, 1 unclean) for the given partitions or (null) all; per-partition results. */
    electLeaders: (type: ElectionType, partitions: { topic: string; partitions: number[] }[] | null) =>
      call(config, 'Elect leaders', (c) => electLeaders(c, type, partitions, config.requestTimeoutMs)),

    /** Sets (value) and removes (null) the replication throttle rates of one broker (dynamic configs). */
    throttleBroker: (brokerId: number, changes: ConfigChange[]) =>
      call(config, `Throttle broker ${brokerId}`, (c) => alterBrokerConfigs(c, brokerId, changes)),

    /** Appends values to a topic with kafkajs's producer (acks=all): for the console's own records. */
    append: (topic: string, values: string[]) =>
      call(config, `Produce to "${topic}"`, async (c) => {
        const producer = await producerFor(c);
        await producer.send({ topic, acks: -1, messages: values.map((value) => ({ value })) });
      }),
  };
}

export type KafkaCluster = ReturnType<typeof kafka>;
