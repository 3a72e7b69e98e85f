import { z } from 'zod';

/**
 * How a group is doing, worst first:
 * - expired: a committed offset is below the partition's log start — retention deleted messages the group never read
 * - stopped: no members are consuming
 * - stalled: lag grows while the committed offsets do not move
 * - lagging: behind, but moving
 * - caught_up: no lag
 */
export const LagHealthSchema = z.enum(['expired', 'stopped', 'stalled', 'lagging', 'caught_up', 'unknown']);
export type LagHealth = z.infer<typeof LagHealthSchema>;

export const GroupSummarySchema = z.object({
  groupId: z.string(),
  state: z.string().nullable(),
  protocolType: z.string(),
  /** classic, consumer (KIP-848), share, streams; null when the broker does not say. */
  type: z.string().nullable(),
  coordinator: z.number().int(),
  /** Filled for the groups of the page shown (DescribeGroups); null otherwise. */
  members: z.number().int().nullable(),
  topics: z.array(z.string()),
  totalLag: z.number().nullable(),
  maxLag: z.number().nullable(),
  expiredPartitions: z.number().int(),
  /**
   * How old the oldest unconsumed record is (now minus the timestamp of the next record to consume),
   * over the partitions where it could be read; 0 when caught up.
   */
  maxTimeLagMs: z.number().nullable(),
  health: LagHealthSchema,
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

export const groupSortKeys = ['groupId', 'totalLag', 'maxLag', 'maxTimeLagMs', 'state'] as const;

export const GroupListQuerySchema = z.object({
  q: z.string().trim().max(255).default(''),
  sort: z.enum(groupSortKeys).default('groupId'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(500).default(50),
  /** Only groups that committed offsets for this topic (the topic's Consumers tab). */
  topic: z.string().max(249).optional(),
});
export type GroupListQuery = z.infer<typeof GroupListQuerySchema>;

export const GroupListSchema = z.object({
  items: z.array(GroupSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type GroupList = z.infer<typeof GroupListSchema>;

const AssignmentSchema = z.array(z.object({ topic: z.string(), partitions: z.array(z.number().int()) }));

const StreamsTasksSchema = z.object({
  active: z.array(z.object({ subtopology: z.string(), partitions: z.array(z.number().int()) })),
  standby: z.array(z.object({ subtopology: z.string(), partitions: z.array(z.number().int()) })),
  warmup: z.array(z.object({ subtopology: z.string(), partitions: z.array(z.number().int()) })),
});
export type StreamsTasks = z.infer<typeof StreamsTasksSchema>;

/** A streams group member (KIP-1071): one stream thread of a Kafka Streams instance (its process). */
export const StreamsMemberSchema = z.object({
  processId: z.string(),
  /** `host:port` of the instance's `application.server`; null when it sets none. */
  userEndpoint: z.string().nullable(),
  topologyEpoch: z.number().int(),
  clientTags: z.array(z.object({ key: z.string(), value: z.string() })),
  isClassic: z.boolean(),
  tasks: StreamsTasksSchema,
  targetTasks: StreamsTasksSchema,
});

const StreamsTopicInfoSchema = z.object({
  name: z.string(),
  /** 0: not fixed by the application (Kafka decides). */
  partitions: z.number().int(),
  replicationFactor: z.number().int(),
  configs: z.array(z.object({ key: z.string(), value: z.string() })),
});

export const StreamsTopologySchema = z.object({
  epoch: z.number().int(),
  subtopologies: z.array(
    z.object({
      subtopologyId: z.string(),
      sourceTopics: z.array(z.string()),
      repartitionSinkTopics: z.array(z.string()),
      stateChangelogTopics: z.array(StreamsTopicInfoSchema),
      repartitionSourceTopics: z.array(StreamsTopicInfoSchema),
    }),
  ),
});
export type StreamsTopology = z.infer<typeof StreamsTopologySchema>;

export const GroupMemberSchema = z.object({
  memberId: z.string(),
  clientId: z.string(),
  host: z.string(),
  instanceId: z.string().nullable(),
  rackId: z.string().nullable(),
  /** Consumer and share groups (KIP-848, KIP-932): each member has its own epoch; null for classic groups. */
  memberEpoch: z.number().int().nullable(),
  /** In a consumer group, `classic` for a member that still speaks the classic protocol. */
  memberType: z.string().nullable(),
  /** Topics (or the regex) the member subscribes to, where Kafka says. */
  subscribedTopics: z.array(z.string()).nullable(),
  assignments: AssignmentSchema,
  /** Consumer groups: what the member will own once it has reconciled. */
  targetAssignments: AssignmentSchema.nullable(),
  /** Consumer and streams groups: `reconciling` until the member owns its target at the group's epoch. */
  state: z.enum(['stable', 'reconciling']).nullable(),
  /** Streams groups: process, endpoint and tasks; null for other groups. */
  streams: StreamsMemberSchema.nullable(),
});
export type GroupMember = z.infer<typeof GroupMemberSchema>;

/** Where the consumer is heading at its pace over the last minutes (lib/lag/forecast.ts). */
export const CatchUpSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('caught_up') }),
  z.object({ state: z.literal('catching_up'), inMs: z.number() }),
  z.object({ state: z.literal('falling_behind') }),
  z.object({ state: z.literal('not_consuming') }),
  z.object({ state: z.literal('unknown') }),
]);
export const DataLossSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('safe') }),
  z.object({ state: z.literal('at_risk'), inMs: z.number(), by: z.enum(['time', 'size']) }),
  z.object({ state: z.literal('unknown') }),
]);
export const ForecastSchema = z.object({
  catchUp: CatchUpSchema,
  /** When retention deletes the next unread record; `expired` (health) is loss that happened. */
  loss: DataLossSchema,
  /** Records per second over the window the forecast rests on; null when there is none yet. */
  consumeRate: z.number().nullable(),
  produceRate: z.number().nullable(),
});
export type Forecast = z.infer<typeof ForecastSchema>;

export const GroupPartitionSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  /** null: the group has no commit for this partition (it is assigned but nothing was committed yet). */
  committedOffset: z.number().nullable(),
  logStartOffset: z.number().nullable(),
  logEndOffset: z.number().nullable(),
  lag: z.number().nullable(),
  memberId: z.string().nullable(),
  clientId: z.string().nullable(),
  health: LagHealthSchema,
  /** How old the next record to consume is (now minus its timestamp); 0 when caught up. */
  timeLagMs: z.number().nullable(),
  forecast: ForecastSchema,
});
export type GroupPartition = z.infer<typeof GroupPartitionSchema>;

export const GroupTopicSchema = z.object({
  topic: z.string(),
  partitions: z.number().int(),
  totalLag: z.number().nullable(),
  maxLag: z.number().nullable(),
  /** The oldest unread record's age over the topic's partitions. */
  maxTimeLagMs: z.number().nullable(),
});

export const GroupDetailSchema = GroupSummarySchema.extend({
  protocol: z.string().nullable(),
  memberList: z.array(GroupMemberSchema),
  partitions: z.array(GroupPartitionSchema),
  topicTotals: z.array(GroupTopicSchema),
  /** Consumer and share groups: the group's epoch and that of its target assignment. */
  groupEpoch: z.number().int().nullable(),
  assignmentEpoch: z.number().int().nullable(),
  /** The group's: its slowest partition's catch-up, its first partition's loss. */
  forecast: ForecastSchema,
  /** Streams groups: the sub-topologies the members run; null for others, or before a member sent it. */
  topology: StreamsTopologySchema.nullable(),
  /**
   * The coordinator does not speak the describe API of the group's type (an older Kafka, or the
   * type's feature not enabled): members and state unknown, offsets as far as they could be read.
   */
  unsupported: z
    .object({
      api: z.string(),
      apiKey: z.number().int(),
      coordinator: z.number().int(),
      /** `api`: not in the coordinator's ApiVersions; `feature`: offered but the type's feature is off. */
      reason: z.enum(['api', 'feature']),
    })
    .nullable(),
});
export type GroupDetail = z.infer<typeof GroupDetailSchema>;

export const LagPointSchema = z.object({
  /** Epoch milliseconds. */
  t: z.number(),
  totalLag: z.number(),
  /** Sums over the group's partitions, so rates are differences between points. */
  committed: z.number(),
  logEnd: z.number(),
});
export type LagPoint = z.infer<typeof LagPointSchema>;

export const ResetTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('earliest') }),
  z.object({ type: z.literal('latest') }),
  z.object({ type: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
  z.object({ type: z.literal('offset'), offset: z.number().int().min(0) }),
  z.object({ type: z.literal('shift'), by: z.number().int() }),
]);
export type ResetTarget = z.infer<typeof ResetTargetSchema>;

export const ResetOffsetsSchema = z.object({
  /** Which partitions: all the group's topics when omitted; a topic; or chosen partitions of a topic. */
  topic: z.string().optional(),
  partitions: z.array(z.number().int().min(0)).optional(),
  target: ResetTargetSchema,
  /** true: only compute the preview. */
  dryRun: z.boolean().default(true),
});
export type ResetOffsets = z.infer<typeof ResetOffsetsSchema>;

export const ResetPreviewSchema = z.object({
  applied: z.boolean(),
  partitions: z.array(
    z.object({
      topic: z.string(),
      partition: z.number().int(),
      currentOffset: z.number().nullable(),
      newOffset: z.number(),
      logStartOffset: z.number(),
      logEndOffset: z.number(),
    }),
  ),
});
export type ResetPreview = z.infer<typeof ResetPreviewSchema>;
