import 'server-only';
import type {
  ConnectorOffset,
  ConnectorState,
  ConnectorSummary,
  ConnectorType,
  ConnectPlugin,
  ConnectTask,
  PluginConfigField,
  ReplicationFlow,
  ValidationResult,
} from '@/lib/schemas/connect';
import type { ConnectClusterConfig } from '@/server/config/connect';
import { scrubText, secretValues } from '@/lib/connect/secrets';
import { connectCall, ConnectError } from '@/server/connect/http';

export { activeUrl, ConnectError, type ConnectFailure } from '@/server/connect/http';

/**
 * The door to Kafka Connect: every call the console makes to a worker's REST API, each bounded in
 * time and size by connectCall, with the cluster's credentials. Answers are turned into the
 * console's shapes (lib/schemas/connect) here, so that nothing else reads the worker's JSON.
 */

const seg = (name: string) => encodeURIComponent(name);

interface RawStatus {
  name?: string;
  connector?: { state?: string; worker_id?: string; trace?: string };
  tasks?: { id?: number; state?: string; worker_id?: string; trace?: string }[];
  type?: string;
}
interface RawInfo {
  name?: string;
  config?: Record<string, string>;
  tasks?: { connector: string; task: number }[];
  type?: string;
}

const STATES = new Set(['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING']);
const stateOf = (raw: unknown): ConnectorState =>
  typeof raw === 'string' && STATES.has(raw) ? (raw as ConnectorState) : 'UNASSIGNED';
const typeOf = (raw: unknown): ConnectorType => (raw === 'source' || raw === 'sink' ? raw : 'unknown');

function tasksOf(status: RawStatus | undefined, secrets: readonly string[]): ConnectTask[] {
  return (status?.tasks ?? [])
    .map((t) => ({
      id: typeof t.id === 'number' ? t.id : -1,
      state: stateOf(t.state),
      workerId: t.worker_id ?? '',
      trace: t.trace ? scrubText(t.trace, secrets) : null,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Topics named by the config: a sink's `topics` (or its regex), a source's `topic`. */
export function configTopics(config: Record<string, string>): string[] {
  const list = config.topics ?? config.topic ?? '';
  const topics = list
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (topics.length === 0 && config['topics.regex']) return [`/${config['topics.regex']}/`];
  return topics;
}

/** MirrorMaker 2's connectors say where they copy from and to in their config. */
export function replicationFlow(config: Record<string, string>): ReplicationFlow | null {
  const cls = config['connector.class'] ?? '';
  if (!cls.startsWith('org.apache.kafka.connect.mirror.')) return null;
  return {
    source: config['source.cluster.alias'] ?? 'source',
    target: config['target.cluster.alias'] ?? 'target',
    topics: config.topics ?? null,
  };
}

function summaryOf(
  connect: string,
  name: string,
  info: RawInfo | undefined,
  status: RawStatus | undefined,
): ConnectorSummary {
  const config = info?.config ?? {};
  // A trace may quote a setting's value: the secrets its names give away are hidden here (the
  // connector's page hides those its plugin declares too, lib/connect/secrets.ts).
  const secrets = secretValues(config, new Set());
  const tasks = tasksOf(status, secrets);
  return {
    name,
    connect,
    type: typeOf(info?.type ?? status?.type),
    className: config['connector.class'] ?? '',
    state: stateOf(status?.connector?.state),
    workerId: status?.connector?.worker_id ?? '',
    trace: status?.connector?.trace ? scrubText(status.connector.trace, secrets) : null,
    tasks,
    tasksRunning: tasks.filter((t) => t.state === 'RUNNING').length,
    tasksFailed: tasks.filter((t) => t.state === 'FAILED').length,
    topics: configTopics(config),
    flow: replicationFlow(config),
  };
}

export interface WorkerInfo {
  version: string | null;
  commit: string | null;
  kafkaClusterId: string | null;
}

export async function workerInfo(config: ConnectClusterConfig): Promise<WorkerInfo> {
  const raw = await connectCall<{ version?: string; commit?: string; kafka_cluster_id?: string }>(
    config,
    'GET',
    '/',
  );
  return {
    version: raw?.version ?? null,
    commit: raw?.commit ?? null,
    kafkaClusterId: raw?.kafka_cluster_id ?? null,
  };
}

/** Every connector with its status and config, in one request (`?expand=status&expand=info`). */
export async function listConnectors(config: ConnectClusterConfig): Promise<ConnectorSummary[]> {
  const raw = await connectCall<Record<string, { status?: RawStatus; info?: RawInfo }>>(
    config,
    'GET',
    '/connectors?expand=status&expand=info',
  );
  return Object.entries(raw ?? {}).map(([name, entry]) =>
    summaryOf(config.name, name, entry.info, entry.status),
  );
}

/**
 * Every connector's status alone, in one request (`?expand=status`): what the cluster's health
 * needs, without the configs.
 */
export async function connectorStatuses(config: ConnectClusterConfig): Promise<ConnectorSummary[]> {
  const raw = await connectCall<Record<string, { status?: RawStatus }>>(
    config,
    'GET',
    '/connectors?expand=status',
  );
  return Object.entries(raw ?? {}).map(([name, entry]) =>
    summaryOf(config.name, name, undefined, entry.status),
  );
}

export async function connector(
  config: ConnectClusterConfig,
  name: string,
): Promise<{ summary: ConnectorSummary; config: Record<string, string> }> {
  const [info, status] = await Promise.all([
    connectCall<RawInfo>(config, 'GET', `/connectors/${seg(name)}`),
    // Right after a create, the worker has the config but no status yet: the connector is then unassigned.
    connectCall<RawStatus>(config, 'GET', `/connectors/${seg(name)}/status`).catch((error: unknown) => {
      if (error instanceof ConnectError && error.kind === 'not_found') return undefined;
      throw error;
    }),
  ]);
  return { summary: summaryOf(config.name, name, info, status), config: info?.config ?? {} };
}

export async function connectorTopics(config: ConnectClusterConfig, name: string): Promise<string[]> {
  const raw = await connectCall<Record<string, { topics?: string[] }>>(
    config,
    'GET',
    `/connectors/${seg(name)}/topics`,
  );
  return [...(raw?.[name]?.topics ?? [])].sort();
}

export async function connectorOffsets(
  config: ConnectClusterConfig,
  name: string,
): Promise<ConnectorOffset[]> {
  const raw = await connectCall<{
    offsets?: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[];
  }>(config, 'GET', `/connectors/${seg(name)}/offsets`);
  return (raw?.offsets ?? []).map((o) => ({ partition: o.partition, offset: o.offset }));
}

/** PATCH (alter) the offsets of a STOPPED connector; Connect 3.6+. */
export async function alterOffsets(
  config: ConnectClusterConfig,
  name: string,
  offsets: ConnectorOffset[],
): Promise<string> {
  const raw = await connectCall<{ message?: string }>(config, 'PATCH', `/connectors/${seg(name)}/offsets`, {
    offsets,
  });
  return raw?.message ?? 'The offsets were altered';
}

/** DELETE (reset) the offsets of a STOPPED connector; Connect 3.6+. */
export async function resetOffsets(config: ConnectClusterConfig, name: string): Promise<string> {
  const raw = await connectCall<{ message?: string }>(config, 'DELETE', `/connectors/${seg(name)}/offsets`);
  return raw?.message ?? 'The offsets were reset';
}

export async function plugins(config: ConnectClusterConfig): Promise<ConnectPlugin[]> {
  const raw = await connectCall<{ class: string; type?: string; version?: string }[]>(
    config,
    'GET',
    '/connector-plugins?connectorsOnly=false',
  );
  return (raw ?? [])
    .map((p) => ({ className: p.class, type: p.type ?? 'unknown', version: p.version ?? null }))
    .sort((a, b) => a.type.localeCompare(b.type) || a.className.localeCompare(b.className));
}

export async function pluginConfig(
  config: ConnectClusterConfig,
  plugin: string,
): Promise<PluginConfigField[]> {
  const raw = await connectCall<
    {
      name: string;
      type?: string;
      required?: boolean;
      default_value?: string | null;
      importance?: string;
      documentation?: string;
      group?: string | null;
      order_in_group?: number | null;
      display_name?: string;
    }[]
  >(config, 'GET', `/connector-plugins/${seg(plugin)}/config`);
  return (raw ?? []).map((f) => ({
    name: f.name,
    type: f.type ?? 'STRING',
    required: f.required ?? false,
    defaultValue: f.default_value ?? null,
    importance: f.importance ?? 'LOW',
    documentation: f.documentation ?? '',
    group: f.group ?? null,
    orderInGroup: f.order_in_group ?? null,
    displayName: f.display_name ?? f.name,
  }));
}

/** The worker's own validation (`PUT /connector-plugins/{plugin}/config/validate`): errors per field. */
export async function validateConfig(
  config: ConnectClusterConfig,
  plugin: string,
  connectorConfig: Record<string, string>,
): Promise<ValidationResult> {
  const raw = await connectCall<{
    error_count?: number;
    configs?: { value?: { name?: string; errors?: string[] } }[];
  }>(config, 'PUT', `/connector-plugins/${seg(plugin)}/config/validate`, connectorConfig);
  const errors: Record<string, string[]> = {};
  for (const entry of raw?.configs ?? []) {
    const field = entry.value?.name;
    if (field && entry.value?.errors?.length) errors[field] = entry.value.errors;
  }
  return { errorCount: raw?.error_count ?? Object.keys(errors).length, errors };
}

export async function createConnector(
  config: ConnectClusterConfig,
  name: string,
  connectorConfig: Record<string, string>,
): Promise<void> {
  await connectCall(config, 'POST', '/connectors', { name, config: connectorConfig });
}

export async function updateConnector(
  config: ConnectClusterConfig,
  name: string,
  connectorConfig: Record<string, string>,
): Promise<void> {
  await connectCall(config, 'PUT', `/connectors/${seg(name)}/config`, connectorConfig);
}

export async function deleteConnector(config: ConnectClusterConfig, name: string): Promise<void> {
  await connectCall(config, 'DELETE', `/connectors/${seg(name)}`);
}

export async function pauseConnector(config: ConnectClusterConfig, name: string): Promise<void> {
  await connectCall(config, 'PUT', `/connectors/${seg(name)}/pause`);
}

export async function resumeConnector(config: ConnectClusterConfig, name: string): Promise<void> {
  await connectCall(config, 'PUT', `/connectors/${seg(name)}/resume`);
}

export async function stopConnector(config: ConnectClusterConfig, name: string): Promise<void> {
  await connectCall(config, 'PUT', `/connectors/${seg(name)}/stop`);
}

/** Restarts the connector and its tasks, or with onlyFailed only what failed. */
export async function restartConnector(
  config: ConnectClusterConfig,
  name: string,
  onlyFailed: boolean,
): Promise<void> {
  await connectCall(
    config,
    'POST',
    `/connectors/${seg(name)}/restart?includeTasks=true&onlyFailed=${onlyFailed ? 'true' : 'false'}`,
  );
}

export async function restartTask(config: ConnectClusterConfig, name: string, task: number): Promise<void> {
  await connectCall(config, 'POST', `/connectors/${seg(name)}/tasks/${task}/restart`);
}

export const isConnectError = (error: unknown): error is ConnectError => error instanceof ConnectError;
