import { z } from 'zod';
import { ControllerModeSchema } from '@/lib/schemas/broker';

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
  status: z.enum(['healthy', 'degraded']),
  problems: z.array(z.string()),
});
export type ClusterOverview = z.infer<typeof ClusterOverviewSchema>;
