import { z } from 'zod';

export const BrokerSchema = z.object({
  id: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  rack: z.string().nullable(),
  isController: z.boolean(),
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
