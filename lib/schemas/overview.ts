import { z } from 'zod';
import { ControllerModeSchema } from '@/lib/schemas/broker';

/** A connector of one of the cluster's Connect clusters that FAILED, or has a failed task. */
export const FailedConnectorSchema = z.object({
  name: z.string(),
  /** The Connect cluster's name in the console's configuration. */
  connect: z.string(),
  /** The connector's own state (RUNNING with a failed task, FAILED, …). */
  state: z.string(),
  failedTaskIds: z.array(z.number().int()),
  tasks: z.number().int(),
  /** The first line of the connector's trace, else of its first failed task's; secrets hidden. */
  reason: z.string().nullable(),
});
export type FailedConnector = z.infer<typeof FailedConnectorSchema>;

/** One Connect cluster as the overview saw it: up with its failed connectors, or down with the reason. */
export const ConnectHealthSchema = z.object({
  name: z.string(),
  up: z.boolean(),
  error: z.string().nullable(),
  connectors: z.number().int(),
  failed: z.array(FailedConnectorSchema),
  /** Failed connectors past the ones listed (the list is cut to keep the overview small). */
  moreFailed: z.number().int(),
});
export type ConnectHealth = z.infer<typeof ConnectHealthSchema>;

export const ClusterOverviewSchema = z.object({
  clusterId: z.string().nullable(),
  controllerMode: ControllerModeSchema,
  controllerId: z.number().int().nullable(),
  /** Known from the KRaft quorum (voters and observers) or the brokers named as replicas. */
  brokersTotal: z.number().int(),
  brokersOnline: z.number().int(),
  offlineBrokerIds: z.array(z.number().int()),
  /** Every topic, internal ones included, as `kafka-topics --list` counts them. */
  topics: z.number().int(),
  /** How many of `topics` are internal (__consumer_offsets, __transaction_state…). */
  internalTopics: z.number().int(),
  partitions: z.number().int(),
  underReplicatedPartitions: z.number().int(),
  offlinePartitions: z.number().int(),
  /** The release line, guessed from the API versions the brokers support (e.g. "4.1+"), when recognisable. */
  kafkaVersion: z.string().nullable(),
  /** Brokers, partitions, controller and the Connect clusters' connectors together. */
  status: z.enum(['healthy', 'degraded']),
  /** The brokers, partitions and controller alone (Kafka's own health). */
  kafkaStatus: z.enum(['healthy', 'degraded']),
  problems: z.array(z.string()),
  /** The cluster's Kafka Connect clusters, failed connectors first (empty without Connect configured). */
  connect: z.array(ConnectHealthSchema),
});
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;
