import { z } from 'zod';

/** Kafka Connect as the console shows it: shapes shared by routes, the door's callers and the UI. */

export type ConnectorState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'UNASSIGNED' | 'RESTARTING';
export type ConnectorType = 'source' | 'sink' | 'unknown';

export interface ConnectTask {
  id: number;
  state: ConnectorState;
  workerId: string;
  /** The failure's stack trace as the worker reports it, in full. */
  trace: string | null;
}

/** A MirrorMaker 2 connector's flow: from the source cluster alias to the target alias. */
export interface ReplicationFlow {
  source: string;
  target: string;
  topics: string | null;
}

export interface ConnectorSummary {
  name: string;
  /** The Connect cluster's name in the console's configuration. */
  connect: string;
  type: ConnectorType;
  className: string;
  state: ConnectorState;
  workerId: string;
  trace: string | null;
  tasks: ConnectTask[];
  tasksRunning: number;
  tasksFailed: number;
  /** Topics from the config (topics, topic, topics.regex): the list answers without one call per connector. */
  topics: string[];
  flow: ReplicationFlow | null;
}

/** One Connect cluster as the console reached it (or did not). */
export interface ConnectClusterStatus {
  name: string;
  /** The origin of the worker URL the console asks now (the one that answered last): never credentials. */
  url: string;
  /** Every configured worker URL's origin, in the configured order (tried in turn when one does not answer). */
  urls: string[];
  up: boolean;
  /** Why it is down, in words: never a spinner. */
  error: string | null;
  version: string | null;
  commit: string | null;
  kafkaClusterId: string | null;
}

export interface ConnectorList {
  clusters: ConnectClusterStatus[];
  connectors: ConnectorSummary[];
}

export interface ConnectorDetail extends ConnectorSummary {
  /** As the browser may see it: secret settings show as [hidden] (lib/connect/secrets.ts). */
  config: Record<string, string>;
  /** Topics the connector has used since it was created or reset (GET /connectors/{c}/topics). */
  activeTopics: string[];
  offsets: ConnectorOffset[] | null;
  offsetsError: string | null;
}

export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface ConnectPlugin {
  className: string;
  type: string;
  version: string | null;
}

export interface PluginConfigField {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  orderInGroup: number | null;
  displayName: string;
}

export interface ValidationResult {
  errorCount: number;
  /** Errors per field, as the worker names them. */
  errors: Record<string, string[]>;
}

export const ConnectorNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(249, 'at most 249 characters')
  .regex(/^[^/\\?#%]+$/, 'must not contain / \\ ? # or %');

export const ConnectorConfigSchema = z.record(z.string(), z.string());

export const CreateConnectorSchema = z.object({
  name: ConnectorNameSchema,
  config: ConnectorConfigSchema.refine((c) => typeof c['connector.class'] === 'string', {
    message: 'connector.class is required',
  }),
});
export type CreateConnectorInput = z.infer<typeof CreateConnectorSchema>;

export const UpdateConnectorSchema = z.object({ config: ConnectorConfigSchema });

export const ValidateConfigSchema = z.object({ plugin: z.string().min(1), config: ConnectorConfigSchema });

export const ConnectorActionSchema = z.enum(['pause', 'resume', 'stop', 'restart', 'restart-failed']);
export type ConnectorAction = z.infer<typeof ConnectorActionSchema>;

const OffsetMapSchema = z.record(z.string(), z.unknown());

/** A sink's partition (`kafka_topic`, `kafka_partition`) and offset (`kafka_offset`), as Connect names them. */
export const SinkOffsetSchema = z.object({
  partition: z
    .object({
      kafka_topic: z.string().min(1, 'name the topic').max(249),
      kafka_partition: z.number().int().min(0, 'a partition is 0 or more'),
    })
    .strict(),
  offset: z
    .object({ kafka_offset: z.number().int().min(0, 'an offset is 0 or more') })
    .strict()
    .nullable(),
});

/**
 * The offsets to write with `PATCH /connectors/{c}/offsets` (Connect 3.6+, connector STOPPED): the
 * partitions named change (a null offset forgets the partition's), the others stay. A sink's entries
 * must have its shape; a source's maps are the connector's own. `dryRun` previews before → after.
 */
export const AlterOffsetsSchema = z.object({
  offsets: z
    .array(
      z
        .object({ partition: OffsetMapSchema, offset: OffsetMapSchema.nullable() })
        .superRefine((entry, ctx) => {
          if (Object.keys(entry.partition).length === 0)
            ctx.addIssue({ code: 'custom', path: ['partition'], message: 'must name the partition' });
          if (!('kafka_topic' in entry.partition)) return;
          const sink = SinkOffsetSchema.safeParse(entry);
          for (const issue of sink.success ? [] : sink.error.issues)
            ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        }),
    )
    .min(1, 'change at least one partition')
    .max(1_000, 'at most 1000 partitions at once'),
  dryRun: z.boolean().optional(),
});
export type AlterOffsetsInput = z.infer<typeof AlterOffsetsSchema>;

/** A change of offsets as previewed (`applied: false`) or done: the partitions it touches, before and after. */
export interface OffsetsChange {
  applied: boolean;
  /** The worker's message once applied. */
  message: string | null;
  /** Each touched partition's offset before (null: none stored) and after (null: forgotten). */
  changes: {
    partition: Record<string, unknown>;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
  /** Every offset of the connector after the change (as the worker reports it once applied). */
  offsets: ConnectorOffset[];
}

/** The list's answer as prefetch checks it (the browser reads it as ConnectorList). */
export const ConnectorListSchema = z.custom<ConnectorList>((v) => typeof v === 'object' && v !== null);
export const ConnectorDetailSchema = z.custom<ConnectorDetail>((v) => typeof v === 'object' && v !== null);
