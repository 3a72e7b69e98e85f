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

export const AlterOffsetsSchema = z.object({
  offsets: z.array(
    z.object({
      partition: z.record(z.string(), z.unknown()),
      offset: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

/** The list's answer as prefetch checks it (the browser reads it as ConnectorList). */
export const ConnectorListSchema = z.custom<ConnectorList>((v) => typeof v === 'object' && v !== null);
export const ConnectorDetailSchema = z.custom<ConnectorDetail>((v) => typeof v === 'object' && v !== null);
