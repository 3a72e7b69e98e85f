import { z } from 'zod';

/** Kafka's own rule for topic names (Topic.java): 1-249 of [a-zA-Z0-9._-], not "." or "..". */
export const TOPIC_NAME_PATTERN = /^[a-zA-Z0-9._-]{1,249}$/;
export const TopicNameSchema = z
  .string()
  .regex(TOPIC_NAME_PATTERN, 'Topic names use 1-249 letters, digits, ".", "_" or "-"')
  .refine((name) => name !== '.' && name !== '..', 'Topic name cannot be "." or ".."');

export const TopicSummarySchema = z.object({
  name: z.string(),
  internal: z.boolean(),
  partitions: z.number().int(),
  replicationFactor: z.number().int(),
  underReplicated: z.number().int(),
  offlinePartitions: z.number().int(),
  /** Sum of high minus low watermarks: exact for delete-policy topics, an upper bound for compacted ones. */
  messages: z.number().nullable(),
  /** Bytes on disk summed over every replica (DescribeLogDirs); null when no broker answered. */
  sizeBytes: z.number().nullable(),
});
export type TopicSummary = z.infer<typeof TopicSummarySchema>;

export const topicSortKeys = [
  'name',
  'partitions',
  'replicationFactor',
  'underReplicated',
  'messages',
  'sizeBytes',
] as const;
export type TopicSortKey = (typeof topicSortKeys)[number];

export const TopicListQuerySchema = z.object({
  q: z.string().trim().max(249).default(''),
  internal: z.enum(['show', 'hide']).default('hide'),
  sort: z.enum(topicSortKeys).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(500).default(50),
});
export type TopicListQuery = z.infer<typeof TopicListQuerySchema>;

export const TopicListSchema = z.object({
  items: z.array(TopicSummarySchema),
  /** Topics matching the filter, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Brokers whose offsets or sizes could not be read: their partitions show null counts. */
  unavailableBrokers: z.array(z.number().int()),
});
export type TopicList = z.infer<typeof TopicListSchema>;

export const PartitionSchema = z.object({
  partition: z.number().int(),
  leader: z.number().int().nullable(),
  replicas: z.array(z.number().int()),
  isr: z.array(z.number().int()),
  offlineReplicas: z.array(z.number().int()),
  lowWatermark: z.number().nullable(),
  highWatermark: z.number().nullable(),
  messages: z.number().nullable(),
  sizeBytes: z.number().nullable(),
});
export type Partition = z.infer<typeof PartitionSchema>;

export const TopicDetailSchema = TopicSummarySchema.extend({
  partitionDetails: z.array(PartitionSchema),
  unavailableBrokers: z.array(z.number().int()),
});
export type TopicDetail = z.infer<typeof TopicDetailSchema>;

export const ConfigEntrySchema = z.object({
  name: z.string(),
  /** null for sensitive values, which are never sent to the browser. */
  value: z.string().nullable(),
  source: z.enum(['topic', 'broker', 'cluster', 'static', 'default', 'unknown']),
  isDefault: z.boolean(),
  sensitive: z.boolean(),
  readOnly: z.boolean(),
});
export type ConfigEntry = z.infer<typeof ConfigEntrySchema>;

export const ConfigListSchema = z.object({ configs: z.array(ConfigEntrySchema) });
export type ConfigList = z.infer<typeof ConfigListSchema>;

/** Kafka's protocol writes config names and values as INT16-length strings: 32,767 bytes of UTF-8 at most. */
export const CONFIG_STRING_MAX_BYTES = 32_767;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const configString = (what: string) =>
  z
    .string()
    .refine(
      (text) => utf8Bytes(text) <= CONFIG_STRING_MAX_BYTES,
      `Config ${what}s are at most ${CONFIG_STRING_MAX_BYTES.toLocaleString('en-US')} bytes (Kafka's limit)`,
    );
const configName = z.string().min(1, 'Config names cannot be empty').and(configString('name'));

const configValues = z.record(configName, configString('value'));

export const CreateTopicSchema = z.object({
  name: TopicNameSchema,
  partitions: z.number().int().min(1).max(10_000),
  replicationFactor: z.number().int().min(1).max(32),
  configs: configValues.default({}),
});
export type CreateTopic = z.infer<typeof CreateTopicSchema>;

export const AlterConfigsSchema = z
  .object({ set: configValues.default({}), reset: z.array(configName).max(1_000).default([]) })
  .refine((body) => Object.keys(body.set).length + body.reset.length > 0, 'Nothing to change');
export type AlterConfigs = z.infer<typeof AlterConfigsSchema>;

export const AddPartitionsSchema = z.object({ count: z.number().int().min(1).max(10_000) });
export type AddPartitions = z.infer<typeof AddPartitionsSchema>;

/** Deletes records before `offset` (exclusive); offset -1 means up to the high watermark, i.e. everything. */
export const PurgeSchema = z.object({
  partitions: z
    .array(z.object({ partition: z.number().int().min(0), offset: z.number().int().min(-1) }))
    .min(1)
    .optional(),
});
export type Purge = z.infer<typeof PurgeSchema>;

export const PurgeResultSchema = z.object({
  partitions: z.array(z.object({ partition: z.number().int(), lowWatermark: z.number() })),
});
export type PurgeResult = z.infer<typeof PurgeResultSchema>;
