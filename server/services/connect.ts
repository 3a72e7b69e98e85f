import 'server-only';
import { SinkOffsetSchema } from '@/lib/schemas/connect';
import type {
  ConnectClusterStatus,
  ConnectorAction,
  ConnectorDetail,
  ConnectorList,
  ConnectorOffset,
  ConnectorSummary,
  ConnectPlugin,
  AlterOffsetsInput,
  OffsetsChange,
  PluginConfigField,
  ValidationResult,
} from '@/lib/schemas/connect';
import type { ConnectClusterConfig } from '@/server/config/connect';
import {
  canonical,
  maskConfig,
  maskOffsets,
  maskText,
  scrubText,
  secretValues,
  unmaskConfig,
  unmaskOffsets,
  type PasswordKeys,
} from '@/lib/connect/secrets';
import type { ClusterConfig } from '@/server/config/schema';
import * as door from '@/server/connect';
import { ConnectError } from '@/server/connect';
import { AppError } from '@/server/http/app-error';
import { workerAtLeast } from '@/lib/connect/version';
import { forgetConnectHealth } from '@/server/services/connect-health';

/** Kafka Connect for the routes: the Connect clusters of a Kafka cluster, their connectors and the changes to them. */

function codeOf(error: ConnectError) {
  switch (error.kind) {
    case 'timeout':
      return 'timeout' as const;
    case 'unauthorized':
      return 'authentication_failed' as const;
    case 'not_found':
      return 'not_found' as const;
    case 'conflict':
      return 'conflict' as const;
    case 'refused':
      return 'validation_failed' as const;
    default:
      return 'broker_unavailable' as const;
  }
}

/** A worker's words as the browser may see them: capitalised, secrets it quoted hidden. */
const capital = (text: string) => maskText(text.charAt(0).toUpperCase() + text.slice(1));

/** A ConnectError as the API's error (the worker's message, never a credential); anything else as is. */
export function connectAppError(error: unknown): never {
  if (error instanceof ConnectError) throw new AppError(codeOf(error), capital(error.message), error);
  throw error;
}

/** connectAppError for a call that sent a config: its secrets are hidden in what the worker said. */
const connectAppErrorHiding =
  (secrets: readonly string[]) =>
  (error: unknown): never => {
    if (error instanceof ConnectError)
      throw new AppError(codeOf(error), capital(scrubText(error.message, secrets)));
    throw error;
  };

const failedAs = (error: unknown) => capital(error instanceof Error ? error.message : String(error));

/** A `[connect]` path segment: one of the cluster's configured Connect clusters, or a 404. */
export function connectOf(cluster: ClusterConfig, name: string): ConnectClusterConfig {
  const found = cluster.connect.find((c) => c.name === name);
  if (!found)
    throw new AppError(
      'not_found',
      cluster.connect.length === 0
        ? `Cluster "${cluster.name}" has no Kafka Connect cluster configured`
        : `Cluster "${cluster.name}" has no Kafka Connect cluster "${name.slice(0, 100)}"`,
    );
  return found;
}

const origin = (url: string) => new URL(url).origin;

/** Failed tasks first, then failed connectors, then by name. */
function rank(c: ConnectorSummary): number {
  if (c.tasksFailed > 0) return 0;
  if (c.state === 'FAILED') return 1;
  return 2;
}

/**
 * Every connector of every Connect cluster of the Kafka cluster, one request per Connect cluster; a
 * cluster that does not answer is listed as down with the reason, and the others still show.
 */
export async function listConnectors(cluster: ClusterConfig): Promise<ConnectorList> {
  const results = await Promise.all(
    cluster.connect.map(async (config) => {
      const [info, list] = await Promise.allSettled([door.workerInfo(config), door.listConnectors(config)]);
      const failure =
        info.status === 'rejected' ? info.reason : list.status === 'rejected' ? list.reason : null;
      const status: ConnectClusterStatus = {
        name: config.name,
        url: door.activeUrl(config),
        urls: config.urls.map(origin),
        up: failure === null,
        error: failure === null ? null : failedAs(failure),
        version: info.status === 'fulfilled' ? info.value.version : null,
        commit: info.status === 'fulfilled' ? info.value.commit : null,
        kafkaClusterId: info.status === 'fulfilled' ? info.value.kafkaClusterId : null,
      };
      return { status, connectors: list.status === 'fulfilled' ? list.value : [] };
    }),
  );
  const connectors = results
    .flatMap((r) => r.connectors)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.connect.localeCompare(b.connect));
  return { clusters: results.map((r) => r.status), connectors };
}

/**
 * The settings a plugin declares of type PASSWORD, kept ten minutes per worker and plugin (one request
 * for the first connector page of a plugin). Null when the definition cannot be read (the worker does
 * not answer, the plugin is gone): then every value but the framework's own settings is hidden.
 */
const passwordKeysCache = new Map<string, { at: number; keys: Set<string> }>();
async function passwordKeys(target: ConnectClusterConfig, plugin: string): Promise<PasswordKeys> {
  if (!plugin) return null;
  const key = `${target.url}\u0000${plugin}`;
  const hit = passwordKeysCache.get(key);
  if (hit && Date.now() - hit.at < 600_000) return hit.keys;
  const fields = await door.pluginConfig(target, plugin).catch(() => null);
  if (!fields) return null;
  const keys = new Set(fields.filter((f) => f.type === 'PASSWORD').map((f) => f.name));
  passwordKeysCache.set(key, { at: Date.now(), keys });
  return keys;
}

const pluginOf = (config: Record<string, string>) => config['connector.class'] ?? '';

async function shownConfig(target: ConnectClusterConfig, config: Record<string, string>) {
  return maskConfig(config, await passwordKeys(target, pluginOf(config)));
}

export async function getConnector(
  cluster: ClusterConfig,
  connect: string,
  name: string,
): Promise<ConnectorDetail> {
  const config = connectOf(cluster, connect);
  const { summary, config: connectorConfig } = await door.connector(config, name).catch(connectAppError);
  const [[topics, offsets], keys] = await Promise.all([
    Promise.allSettled([door.connectorTopics(config, name), door.connectorOffsets(config, name)]),
    passwordKeys(config, pluginOf(connectorConfig)),
  ]);
  // The worker answers passwords as written, and its traces may quote them: never to the browser
  // (lib/connect/secrets.ts).
  const secrets = secretValues(connectorConfig, keys);
  const scrub = (trace: string | null) => (trace === null ? null : scrubText(trace, secrets));
  return {
    ...summary,
    trace: scrub(summary.trace),
    tasks: summary.tasks.map((t) => ({ ...t, trace: scrub(t.trace) })),
    config: maskConfig(connectorConfig, keys),
    activeTopics: topics.status === 'fulfilled' ? topics.value : [],
    // A source's offsets are its own maps (a JDBC source may keep a connection string there).
    offsets: offsets.status === 'fulfilled' ? maskOffsets(offsets.value) : null,
    offsetsError: offsets.status === 'rejected' ? failedAs(offsets.reason) : null,
  };
}

export async function listPlugins(
  cluster: ClusterConfig,
  connect: string,
): Promise<{ plugins: ConnectPlugin[]; version: string | null; commit: string | null }> {
  const config = connectOf(cluster, connect);
  const [plugins, info] = await Promise.all([door.plugins(config), door.workerInfo(config)]).catch(
    connectAppError,
  );
  return { plugins, version: info.version, commit: info.commit };
}

export async function getPluginConfig(
  cluster: ClusterConfig,
  connect: string,
  plugin: string,
): Promise<PluginConfigField[]> {
  return door.pluginConfig(connectOf(cluster, connect), plugin).catch(connectAppError);
}

export async function validateConnectorConfig(
  cluster: ClusterConfig,
  connect: string,
  plugin: string,
  config: Record<string, string>,
): Promise<ValidationResult> {
  const target = connectOf(cluster, connect);
  const secrets = secretValues(config, await passwordKeys(target, plugin));
  const result = await door
    .validateConfig(target, plugin, { ...config, 'connector.class': plugin })
    .catch(connectAppErrorHiding(secrets));
  return hidden(result, secrets);
}

/** A validation's messages with the config's secrets hidden (a message may quote the value it refuses). */
function hidden(result: ValidationResult, secrets: readonly string[]): ValidationResult {
  return {
    ...result,
    errors: Object.fromEntries(
      Object.entries(result.errors).map(([field, errors]) => [
        field,
        errors.map((e) => scrubText(e, secrets)),
      ]),
    ),
  };
}

/** Creates a connector once the worker's own validation finds no error (a 400 naming the fields otherwise). */
export async function createConnector(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  config: Record<string, string>,
): Promise<ConnectorDetail> {
  const target = connectOf(cluster, connect);
  const plugin = config['connector.class']!;
  const secrets = secretValues(config, await passwordKeys(target, plugin));
  const result = await door
    .validateConfig(target, plugin, { ...config, name })
    .catch(connectAppErrorHiding(secrets));
  if (result.errorCount > 0) throw validationError(hidden(result, secrets));
  await door.createConnector(target, name, config).catch(connectAppErrorHiding(secrets));
  forgetConnectHealth(cluster);
  return afterChange(cluster, connect, name, config);
}

/**
 * The connector as the worker reports it right after a change that succeeded. A worker whose group
 * is rebalancing may not know it for a moment (404, 409): asked again a few times, and if it still
 * does not answer, the change is not reported as failed: the answer is the connector as far as the
 * console knows (state UNASSIGNED, no tasks yet), and the page's next poll shows the rest.
 */
async function afterChange(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  config: Record<string, string> | null,
): Promise<ConnectorDetail> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await getConnector(cluster, connect, name);
    } catch {
      if (attempt >= 3) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const target = connectOf(cluster, connect);
  const shownConfigOf = config ? maskConfig(config, await passwordKeys(target, pluginOf(config))) : {};
  return {
    name,
    connect,
    type: 'unknown',
    className: config?.['connector.class'] ?? '',
    state: 'UNASSIGNED',
    workerId: '',
    trace: null,
    tasks: [],
    tasksRunning: 0,
    tasksFailed: 0,
    topics: [],
    flow: null,
    config: shownConfigOf,
    activeTopics: [],
    offsets: null,
    offsetsError: 'The worker has not reported this connector yet',
  };
}

/**
 * Runs a change to a connector and hands the audit line its state, tasks and (hidden-secret) config
 * before and after, each read from the worker (null where it has no such connector).
 */
export async function auditedConnectorChange<T>(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  record: (change: { before: unknown; after: unknown }) => void,
  change: () => Promise<T>,
): Promise<T> {
  const before = await connectorAuditState(cluster, connect, name);
  const result = await change();
  record({ before, after: await connectorAuditState(cluster, connect, name) });
  return result;
}

/**
 * What an audit line records of a connector before or after a change: its state, its tasks' states
 * and its config with secrets hidden; null when the worker does not have it (or does not answer).
 */
export async function connectorAuditState(
  cluster: ClusterConfig,
  connect: string,
  name: string,
): Promise<{ state: string; tasks: string[]; config: Record<string, string> } | null> {
  const target = connectOf(cluster, connect);
  const found = await door.connector(target, name).catch(() => null);
  if (!found) return null;
  return {
    state: found.summary.state,
    tasks: found.summary.tasks.map((t) => `${t.id}:${t.state}`),
    config: await shownConfig(target, found.config),
  };
}

function validationError(result: ValidationResult): AppError {
  const lines = Object.entries(result.errors).map(([field, errors]) => `${field}: ${errors.join('; ')}`);
  return new AppError(
    'validation_failed',
    `The worker found ${result.errorCount} error(s) in the configuration: ${lines.join(' | ')}`,
  );
}

export async function updateConnector(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  edited: Record<string, string>,
): Promise<{ before: Record<string, string>; after: Record<string, string> }> {
  const target = connectOf(cluster, connect);
  const current = await door.connector(target, name).catch(connectAppError);
  const currentKeys = await passwordKeys(target, pluginOf(current.config));
  // A secret left as the page showed it ([hidden]) keeps its stored value.
  const { config: full, missing } = unmaskConfig(edited, current.config, currentKeys);
  if (missing)
    throw new AppError(
      'validation_failed',
      `${missing}: enter its whole value (a part is hidden, and the stored one cannot be kept)`,
    );
  const plugin = full['connector.class'] ?? current.config['connector.class'] ?? '';
  const keys = plugin === pluginOf(current.config) ? currentKeys : await passwordKeys(target, plugin);
  const secrets = secretValues({ ...current.config, ...full }, keys);
  const result = await door
    .validateConfig(target, plugin, { ...full, name })
    .catch(connectAppErrorHiding(secrets));
  if (result.errorCount > 0) throw validationError(hidden(result, secrets));
  await door.updateConnector(target, name, full).catch(connectAppErrorHiding(secrets));
  forgetConnectHealth(cluster);
  const after = await door.connector(target, name).catch(connectAppError);
  // The answer and the audit line show secrets hidden, before and after.
  return {
    before: maskConfig(current.config, currentKeys),
    after: await shownConfig(target, after.config),
  };
}

export async function deleteConnector(
  cluster: ClusterConfig,
  connect: string,
  name: string,
): Promise<{ deleted: string }> {
  await door.deleteConnector(connectOf(cluster, connect), name).catch(connectAppError);
  forgetConnectHealth(cluster);
  return { deleted: name };
}

/**
 * Stopping a connector needs Connect 3.5, its offsets 3.6: an older worker answers 404 for those
 * paths, which would read as "no such connector". Refused with what it needs instead (422).
 */
async function requireWorker(target: ConnectClusterConfig, major: number, minor: number, what: string) {
  const info = await door.workerInfo(target).catch(() => null);
  if (info && !workerAtLeast(info.version, major, minor))
    throw new AppError(
      'unprocessable',
      `${what} needs Kafka Connect ${major}.${minor} or later; ${target.name} runs ${info.version}`,
    );
}

export async function connectorAction(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  action: ConnectorAction,
): Promise<ConnectorDetail> {
  const target = connectOf(cluster, connect);
  const run = {
    pause: () => door.pauseConnector(target, name),
    resume: () => door.resumeConnector(target, name),
    stop: async () => {
      await requireWorker(target, 3, 5, 'Stopping a connector');
      await door.stopConnector(target, name);
    },
    restart: () => door.restartConnector(target, name, false),
    'restart-failed': () => door.restartConnector(target, name, true),
  }[action];
  await run().catch(connectAppError);
  forgetConnectHealth(cluster);
  // The worker accepts a pause, resume or stop (202) and applies it a moment later: the answer (and
  // the audit line) waits for that state, at most 3 s.
  const expected = { pause: 'PAUSED', resume: 'RUNNING', stop: 'STOPPED' }[action as string];
  if (expected) {
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const now = await door.connector(target, name).catch(() => null);
      if (now?.summary.state === expected) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return afterChange(cluster, connect, name, null);
}

export async function restartTask(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  task: number,
): Promise<{ restarted: number }> {
  await door.restartTask(connectOf(cluster, connect), name, task).catch(connectAppError);
  forgetConnectHealth(cluster);
  return { restarted: task };
}

/**
 * Changes the offsets of a STOPPED connector (`PATCH /connectors/{c}/offsets`), or with `dryRun`
 * only says what would change: each partition named, its offset before and after. Values the page
 * showed hidden are put back from the stored offsets first; a sink's entries must have a sink's
 * shape. Applied, the answer's offsets are the worker's own, read again.
 */
export async function alterOffsets(
  cluster: ClusterConfig,
  connect: string,
  name: string,
  input: AlterOffsetsInput,
): Promise<OffsetsChange> {
  const target = connectOf(cluster, connect);
  await requireWorker(target, 3, 6, "Changing a connector's offsets");
  const { summary } = await door.connector(target, name).catch(connectAppError);
  if (summary.state !== 'STOPPED')
    throw new AppError(
      'conflict',
      `Stop ${name} first: its offsets can be changed only while it is STOPPED (it is ${summary.state})`,
    );
  const stored = await door.connectorOffsets(target, name).catch(connectAppError);
  const { offsets, missing } = unmaskOffsets(input.offsets, stored);
  if (missing) throw new AppError('validation_failed', `${missing}: a hidden value matches no stored offset`);
  const seen = new Set<string>();
  for (const o of offsets) {
    const key = canonical(o.partition);
    if (seen.has(key)) throw new AppError('validation_failed', `Partition ${key} is named twice`);
    seen.add(key);
    if (summary.type === 'sink' && !SinkOffsetSchema.safeParse(o).success)
      throw new AppError(
        'validation_failed',
        `A sink's offsets name a topic partition and an offset: {"kafka_topic": "…", "kafka_partition": 0} → {"kafka_offset": 0}, not ${key}`,
      );
  }
  const before = new Map(stored.map((o) => [canonical(o.partition), o]));
  const masked = (partition: ConnectorOffset['partition'], offset: ConnectorOffset['offset']) =>
    maskOffsets([{ partition, offset }])[0]!;
  const changesOf = (after: Map<string, ConnectorOffset>) =>
    offsets.map((o) => {
      const key = canonical(o.partition);
      const was = masked(o.partition, before.get(key)?.offset ?? null);
      return {
        partition: was.partition,
        before: was.offset,
        after: masked(o.partition, after.get(key)?.offset ?? null).offset,
      };
    });
  if (input.dryRun) {
    const preview = new Map(before);
    for (const o of offsets) {
      if (o.offset === null) preview.delete(canonical(o.partition));
      else preview.set(canonical(o.partition), o);
    }
    return {
      applied: false,
      message: null,
      changes: changesOf(preview),
      offsets: maskOffsets([...preview.values()]),
    };
  }
  const message = await door.alterOffsets(target, name, offsets).catch(connectAppError);
  forgetConnectHealth(cluster);
  const now = await door.connectorOffsets(target, name).catch(connectAppError);
  return {
    applied: true,
    message,
    changes: changesOf(new Map(now.map((o) => [canonical(o.partition), o]))),
    offsets: maskOffsets(now),
  };
}

/** A connector's offsets as the page shows them (secrets hidden), for an audit line; null if unread. */
export async function connectorOffsetsShown(
  cluster: ClusterConfig,
  connect: string,
  name: string,
): Promise<ConnectorOffset[] | null> {
  const offsets = await door.connectorOffsets(connectOf(cluster, connect), name).catch(() => null);
  return offsets && maskOffsets(offsets);
}

export async function resetOffsets(
  cluster: ClusterConfig,
  connect: string,
  name: string,
): Promise<{ message: string }> {
  const target = connectOf(cluster, connect);
  await requireWorker(target, 3, 6, "Resetting a connector's offsets");
  return { message: await door.resetOffsets(target, name).catch(connectAppError) };
}
