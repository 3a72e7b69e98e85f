import { z } from 'zod';

export const BrokerSchema = z.object({
  id: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  rack: z.string().nullable(),
  /**
   * What the node is: `broker` (serves clients and holds replicas), `controller` (a KRaft voter, or
   * in ZooKeeper mode the broker elected controller). In KRaft combined mode a node is both.
   */
  roles: z.array(z.enum(['broker', 'controller'])),
  /** The active controller (KRaft quorum leader, or the ZooKeeper-elected controller). */
  isController: z.boolean(),
  /** False for a broker the cluster knows (quorum, replica lists) that is not in the live metadata. */
  online: z.boolean(),
  partitionsLed: z.number().int(),
  replicas: z.number().int(),
  /** Bytes in all its log directories (DescribeLogDirs); null when it did not answer. */
  logDirBytes: z.number().nullable(),
});
export type Broker = z.infer<typeof BrokerSchema>;

/**
 * `kraft`: the active controller comes from the metadata quorum (DescribeQuorum), because in KRaft the
 * Metadata response names a random broker as "controller". `zookeeper`: the Metadata controller is real.
 */
export const ControllerModeSchema = z.enum(['kraft', 'zookeeper']);
export type ControllerMode = z.infer<typeof ControllerModeSchema>;

export const BrokerListSchema = z.object({
  clusterId: z.string().nullable(),
  controllerMode: ControllerModeSchema,
  /** Node id of the active controller; in KRaft it may be a controller-only node that is not a broker. */
  controllerId: z.number().int().nullable(),
  brokers: z.array(BrokerSchema),
});
export type BrokerList = z.infer<typeof BrokerListSchema>;

export const LogDirSchema = z.object({
  path: z.string(),
  error: z.string().nullable(),
  sizeBytes: z.number(),
  totalBytes: z.number().nullable(),
  usableBytes: z.number().nullable(),
});

export const BrokerDetailSchema = BrokerSchema.extend({ logDirs: z.array(LogDirSchema) });
export type BrokerDetail = z.infer<typeof BrokerDetailSchema>;

export const QuorumReplicaSchema = z.object({
  id: z.number().int(),
  role: z.enum(['leader', 'voter', 'observer']),
  logEndOffset: z.number(),
  /** Records behind the leader's log end offset. */
  lag: z.number(),
  lastFetchTimestamp: z.number().nullable(),
  lastCaughtUpTimestamp: z.number().nullable(),
});

export const QuorumSchema = z.object({
  controllerMode: ControllerModeSchema,
  leaderId: z.number().int().nullable(),
  leaderEpoch: z.number().int().nullable(),
  highWatermark: z.number().nullable(),
  replicas: z.array(QuorumReplicaSchema),
});
export type Quorum = z.infer<typeof QuorumSchema>;
