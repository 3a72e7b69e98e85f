import { z } from 'zod';
import { TopicNameSchema } from '@/lib/schemas/topic';

const BrokerIdSchema = z.number().int().min(0).max(2_147_483_647);
const PartitionSchema = z.number().int().min(0).max(1_000_000);

/** What a plan is for (lib/reassign/plan.ts PlanGoal). */
export const PlanGoalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('move'),
    moves: z
      .array(
        z.object({
          topic: TopicNameSchema,
          partition: PartitionSchema,
          replicas: z.array(BrokerIdSchema).min(1, 'give at least one replica').max(64),
        }),
      )
      .min(1, 'choose at least one partition')
      .max(10_000),
  }),
  z.object({
    kind: z.literal('replication-factor'),
    topic: TopicNameSchema,
    replicationFactor: z.number().int().min(1, 'at least 1').max(64),
  }),
  z.object({
    kind: z.literal('drain'),
    brokerId: BrokerIdSchema,
    topics: z.array(TopicNameSchema).max(1000).optional(),
  }),
  z.object({ kind: z.literal('rebalance'), topics: z.array(TopicNameSchema).max(1000).optional() }),
]);
export type PlanGoalInput = z.infer<typeof PlanGoalSchema>;

export const PlannedMoveSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  from: z.array(z.number()),
  to: z.array(z.number()),
  bytesToMove: z.number(),
});

export const ReassignmentPlanSchema = z.object({
  moves: z.array(PlannedMoveSchema),
  balance: z.array(
    z.object({
      brokerId: z.number(),
      replicasBefore: z.number(),
      replicasAfter: z.number(),
      leadersBefore: z.number(),
      leadersAfter: z.number(),
    }),
  ),
  totalBytes: z.number(),
  /** Brokers whose log sizes could not be read: bytes of their partitions are unknown (counted as 0). */
  unavailableBrokers: z.array(z.number()),
});
export type ReassignmentPlan = z.infer<typeof ReassignmentPlanSchema>;

/** Throttle bounds: 1 KiB/s up to 10 GiB/s; null runs the reassignment unthrottled. */
export const ThrottleSchema = z
  .number()
  .int('a whole number of bytes per second')
  .min(1024, 'at least 1024 bytes/s')
  .max(10 * 1024 ** 3)
  .nullable();

/** POST /reassignments: the moves of the plan that was previewed, applied as they are. */
export const ApplyReassignmentSchema = z.object({
  moves: z
    .array(
      z.object({
        topic: TopicNameSchema,
        partition: PartitionSchema,
        replicas: z.array(BrokerIdSchema).min(1).max(64),
      }),
    )
    .min(1, 'the plan moves nothing')
    .max(10_000),
  throttleBytesPerSec: ThrottleSchema,
});
export type ApplyReassignment = z.infer<typeof ApplyReassignmentSchema>;

export const CancelReassignmentSchema = z.object({
  /** The partitions to cancel; omitted: every reassignment under way. */
  partitions: z
    .array(z.object({ topic: TopicNameSchema, partition: PartitionSchema }))
    .max(10_000)
    .optional(),
});
export type CancelReassignment = z.infer<typeof CancelReassignmentSchema>;

export const ReassignmentProgressSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  replicas: z.array(z.number()),
  addingReplicas: z.array(z.number()),
  removingReplicas: z.array(z.number()),
  /** The leader's log size: what each adding replica must reach; null when it could not be read. */
  targetBytes: z.number().nullable(),
  /** Bytes each adding replica has so far. */
  copiedBytes: z.array(z.object({ brokerId: z.number(), bytes: z.number().nullable() })),
});

/** A topic's throttled-replica lists as Kafka has them (`partition:broker,…`; null: not set). */
export const TopicThrottleSchema = z.object({
  topic: z.string(),
  leader: z.string().nullable(),
  follower: z.string().nullable(),
});
export type TopicThrottle = z.infer<typeof TopicThrottleSchema>;

/**
 * Throttles left behind to remove: the brokers' rates and the topics' throttled-replica lists named
 * (each omitted: all that are left behind); `dryRun` answers what would be removed and changes nothing.
 */
export const ClearThrottlesSchema = z.object({
  brokers: z.array(BrokerIdSchema).max(10_000).optional(),
  topics: z.array(TopicNameSchema).max(10_000).optional(),
  dryRun: z.boolean().default(false),
});
export type ClearThrottles = z.input<typeof ClearThrottlesSchema>;

export const ClearThrottlesResultSchema = z.object({
  dryRun: z.boolean(),
  /** Brokers whose rates are (dry run: would be) removed. */
  brokers: z.array(z.number()),
  /** Topics whose throttled-replica lists are (would be) removed, with the lists as they were. */
  topics: z.array(TopicThrottleSchema),
});
export type ClearThrottlesResult = z.infer<typeof ClearThrottlesResultSchema>;

export const ReassignmentsSchema = z.object({
  inProgress: z.array(ReassignmentProgressSchema),
  /** Throttles the console set and still keeps (removed once their topics have nothing moving). */
  throttles: z.object({ brokers: z.array(z.number()), topics: z.array(z.string()) }),
  /** Throttles this read found finished and removed. */
  removedThrottles: z.object({ brokers: z.array(z.number()), topics: z.array(z.string()) }),
  /** Brokers with a throttle rate while nothing is being reassigned (left by a restart or another tool). */
  staleBrokers: z.array(z.number()),
  /**
   * Topics with throttled-replica lists while none of their partitions is being reassigned and the
   * console recorded none for them (checked at most every 30 s).
   */
  staleTopics: z.array(TopicThrottleSchema),
  /** The cluster has more topics than one check reads (MAX_TOPICS_CHECKED): only the first were checked. */
  staleTopicsLimited: z.boolean(),
});
export type Reassignments = z.infer<typeof ReassignmentsSchema>;

export const PartitionOutcomeSchema = z.object({
  topic: z.string(),
  partition: z.number(),
  /** ok; not-needed (ELECTION_NOT_NEEDED: the preferred leader leads already); failed. */
  status: z.enum(['ok', 'not-needed', 'failed']),
  error: z.string().nullable(),
  message: z.string().nullable(),
});
export type PartitionOutcomeDto = z.infer<typeof PartitionOutcomeSchema>;

export const ApplyResultSchema = z.object({ partitions: z.array(PartitionOutcomeSchema) });

export const UNCLEAN_CONFIRMATION = 'UNCLEAN';

export const ElectionScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topic'), topic: TopicNameSchema }),
  z.object({ kind: z.literal('broker'), brokerId: BrokerIdSchema }),
  z.object({ kind: z.literal('cluster') }),
]);
export type ElectionScope = z.infer<typeof ElectionScopeSchema>;

export const MAX_ELECTION_PARTITIONS = 100_000;

/**
 * POST /elections: preview with dryRun, else elect. An election elects exactly the partitions its
 * preview showed (`partitions`, the preview's candidates): if the partitions that need it changed
 * since, the route answers 409 and elects nothing. Unclean elections need the typed confirmation.
 */
export const ElectLeadersSchema = z
  .object({
    scope: ElectionScopeSchema,
    type: z.enum(['preferred', 'unclean']),
    dryRun: z.boolean().default(false),
    confirm: z.string().max(50).optional(),
    partitions: z
      .array(z.object({ topic: TopicNameSchema, partition: PartitionSchema }))
      .max(MAX_ELECTION_PARTITIONS)
      .optional(),
  })
  .refine((v) => v.type !== 'unclean' || v.dryRun || v.confirm === UNCLEAN_CONFIRMATION, {
    path: ['confirm'],
    message: `type ${UNCLEAN_CONFIRMATION} to confirm an unclean election: it may lose committed records`,
  })
  .refine((v) => v.dryRun || v.partitions !== undefined, {
    path: ['partitions'],
    message: 'preview the election first: it elects the partitions the preview showed',
  });
export type ElectLeaders = z.input<typeof ElectLeadersSchema>;

export const ElectionResultSchema = z.object({
  dryRun: z.boolean(),
  /** The preview: partitions whose leader is not their preferred (first) replica, or has none. */
  candidates: z.array(
    z.object({
      topic: z.string(),
      partition: z.number(),
      leader: z.number().nullable(),
      preferred: z.number().nullable(),
    }),
  ),
  partitions: z.array(PartitionOutcomeSchema),
});
export type ElectionResult = z.infer<typeof ElectionResultSchema>;
