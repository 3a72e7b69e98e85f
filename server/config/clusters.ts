import 'server-only';
import { z } from 'zod';
import { readYamlFile } from '@/server/config/yaml-file';
import { ConsoleConfigSchema, type ClusterConfig, type ConsoleConfig } from '@/server/config/schema';

/** The local 3-broker cluster of `dev/kafka`, used when nothing else is configured. */
export const LOCAL_CLUSTER = localCluster();

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;
type RawCluster = Record<string, unknown>;
const ENV_PREFIX = /^KAFKA_CLUSTERS_(\d+)_([A-Z_]+)$/;
/** `KAFKA_CLUSTERS_0_CONNECT_1_URL`: a field of the cluster's Connect cluster number 1. */
const CONNECT_ENV_PREFIX = /^KAFKA_CLUSTERS_(\d+)_CONNECT_(\d+)_([A-Z_]+)$/;
/** Variable suffix → field of a Connect cluster. */
const CONNECT_ENV_FIELDS: Record<string, string> = {
  NAME: 'name',
  URL: 'url',
  URLS: 'urls',
  USERNAME: 'username',
  PASSWORD: 'password',
  PASSWORD_FILE: 'passwordFile',
  TIMEOUT_MS: 'timeoutMs',
  TLS_CA: 'tls.ca',
  TLS_CA_FILE: 'tls.caFile',
  TLS_CERT: 'tls.cert',
  TLS_CERT_FILE: 'tls.certFile',
  TLS_KEY: 'tls.key',
  TLS_KEY_FILE: 'tls.keyFile',
  TLS_KEY_PASSWORD: 'tls.keyPassword',
  TLS_KEY_PASSWORD_FILE: 'tls.keyPasswordFile',
  TLS_INSECURE_SKIP_VERIFY: 'tls.insecureSkipVerify',
};
/** Variable suffix → field path in the cluster config (the YAML names). */
const ENV_FIELDS: Record<string, string> = {
  ID: 'id',
  NAME: 'name',
  BOOTSTRAP_SERVERS: 'bootstrapServers',
  REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  CONNECTION_TIMEOUT_MS: 'connectionTimeoutMs',
  SASL_MECHANISM: 'sasl.mechanism',
  SASL_USERNAME: 'sasl.username',
  SASL_PASSWORD: 'sasl.password',
  SASL_PASSWORD_FILE: 'sasl.passwordFile',
  SASL_TOKEN_FILE: 'sasl.tokenFile',
  SASL_TOKEN_ENDPOINT: 'sasl.tokenEndpoint',
  SASL_CLIENT_ID: 'sasl.clientId',
  SASL_CLIENT_SECRET: 'sasl.clientSecret',
  SASL_CLIENT_SECRET_FILE: 'sasl.clientSecretFile',
  SASL_SCOPE: 'sasl.scope',
  TLS_ENABLED: 'tls.enabled',
  TLS_CA: 'tls.ca',
  TLS_CA_FILE: 'tls.caFile',
  TLS_CERT: 'tls.cert',
  TLS_CERT_FILE: 'tls.certFile',
  TLS_KEY: 'tls.key',
  TLS_KEY_FILE: 'tls.keyFile',
  TLS_KEY_PASSWORD: 'tls.keyPassword',
  TLS_KEY_PASSWORD_FILE: 'tls.keyPasswordFile',
  TLS_SERVERNAME: 'tls.servername',
  TLS_INSECURE_SKIP_VERIFY: 'tls.insecureSkipVerify',
  SCHEMA_REGISTRY_URL: 'schemaRegistry.url',
  SCHEMA_REGISTRY_USERNAME: 'schemaRegistry.username',
  SCHEMA_REGISTRY_PASSWORD: 'schemaRegistry.password',
  SCHEMA_REGISTRY_PASSWORD_FILE: 'schemaRegistry.passwordFile',
  SCHEMA_REGISTRY_TOKEN: 'schemaRegistry.token',
  SCHEMA_REGISTRY_TOKEN_FILE: 'schemaRegistry.tokenFile',
  SCHEMA_REGISTRY_TIMEOUT_MS: 'schemaRegistry.timeoutMs',
  SCHEMA_REGISTRY_TLS_CA: 'schemaRegistry.tls.ca',
  SCHEMA_REGISTRY_TLS_CA_FILE: 'schemaRegistry.tls.caFile',
  SCHEMA_REGISTRY_TLS_CERT: 'schemaRegistry.tls.cert',
  SCHEMA_REGISTRY_TLS_CERT_FILE: 'schemaRegistry.tls.certFile',
  SCHEMA_REGISTRY_TLS_KEY: 'schemaRegistry.tls.key',
  SCHEMA_REGISTRY_TLS_KEY_FILE: 'schemaRegistry.tls.keyFile',
  SCHEMA_REGISTRY_TLS_KEY_PASSWORD: 'schemaRegistry.tls.keyPassword',
  SCHEMA_REGISTRY_TLS_KEY_PASSWORD_FILE: 'schemaRegistry.tls.keyPasswordFile',
  SCHEMA_REGISTRY_TLS_INSECURE_SKIP_VERIFY: 'schemaRegistry.tls.insecureSkipVerify',
  READ_ONLY: 'readOnly',
};
const BOOLEAN_FIELDS = new Set([
  'readOnly',
  'tls.enabled',
  'tls.insecureSkipVerify',
  'schemaRegistry.tls.insecureSkipVerify',
  'tls.insecureSkipVerify',
]);

/** Sets `value` at a dotted path (`tls.caFile`) of `target`, one object per level on the way. */
function setPath(target: RawCluster, field: string, value: unknown): void {
  const path = field.split('.');
  let node = target;
  for (const part of path.slice(0, -1)) {
    node[part] = { ...(node[part] as RawCluster | undefined) };
    node = node[part] as RawCluster;
  }
  node[path.at(-1)!] = value;
}

/** Text from the environment in the type the schema expects; anything unclear is left for zod to reject. */
function envValue(field: string, value: string): unknown {
  if (field === 'bootstrapServers')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (field.endsWith('Ms')) return Number(value);
  if (BOOLEAN_FIELDS.has(field)) {
    const v = value.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(v)) return true;
    if (['false', '0', 'no', ''].includes(v)) return false;
  }
  return value;
}

/**
 * The local cluster of dev/kafka. KAFKA_PORT_OFFSET is the setting dev/kafka/cluster.sh moves its ports
 * by, so that a second local cluster (and the tests pointed at it) can run beside the first.
 */
export function localCluster(env: Env = process.env) {
  const offset = Number(env.KAFKA_PORT_OFFSET ?? 0) || 0;
  // dev/schema-registry's Apicurio Registry, through its Confluent-compatible API.
  const registryOffset = Number(env.SCHEMA_REGISTRY_PORT_OFFSET ?? offset) || 0;
  // dev/connect's worker group: both workers' REST APIs (the second answers while the first is down).
  const connectOffset = Number(env.CONNECT_PORT_OFFSET ?? offset) || 0;
  return {
    id: 'local',
    name: 'Local',
    bootstrapServers: [9092, 9093, 9094].map((port) => `127.0.0.1:${port + offset}`),
    schemaRegistry: { url: `http://127.0.0.1:${8085 + registryOffset}/apis/ccompat/v7` },
    connect: [
      {
        name: 'local-connect',
        urls: [8083, 8084].map((port) => `http://127.0.0.1:${port + connectOffset}`),
      },
    ],
  };
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/** `KAFKA_CLUSTERS_0_NAME=prod KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS=a:9092,b:9092` → clusters, with where each came from. */
function clustersFromEnv(env: Env): { clusters: RawCluster[]; sources: string[] } {
  const byIndex = new Map<number, RawCluster>();
  const connectByIndex = new Map<number, Map<number, RawCluster>>();
  for (const [key, value] of Object.entries(env)) {
    const connectMatch = CONNECT_ENV_PREFIX.exec(key);
    if (connectMatch && value !== undefined) {
      const index = Number(connectMatch[1]);
      const field = CONNECT_ENV_FIELDS[connectMatch[3]!];
      if (!field)
        throw new ConfigError(
          `Unknown Connect cluster setting ${key} (known: ${Object.keys(CONNECT_ENV_FIELDS).join(', ')})`,
        );
      const list = connectByIndex.get(index) ?? new Map<number, RawCluster>();
      const connect = list.get(Number(connectMatch[2])) ?? {};
      setPath(connect, field, envValue(field, value));
      list.set(Number(connectMatch[2]), connect);
      connectByIndex.set(index, list);
      byIndex.set(index, byIndex.get(index) ?? {});
      continue;
    }
    const match = ENV_PREFIX.exec(key);
    if (!match || value === undefined) continue;
    const index = Number(match[1]);
    const field = ENV_FIELDS[match[2]!];
    if (!field)
      throw new ConfigError(`Unknown cluster setting ${key} (known: ${Object.keys(ENV_FIELDS).join(', ')})`);
    const cluster = byIndex.get(index) ?? {};
    // schemaRegistry.tls.caFile: one object per level on the way.
    const path = field.split('.');
    let node = cluster;
    for (const part of path.slice(0, -1)) {
      node[part] = { ...(node[part] as RawCluster | undefined) };
      node = node[part] as RawCluster;
    }
    node[path.at(-1)!] = envValue(field, value);
    byIndex.set(index, cluster);
  }
  for (const [index, list] of connectByIndex) {
    byIndex.get(index)!.connect = [...list.keys()].sort((a, b) => a - b).map((i) => list.get(i)!);
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  return {
    clusters: indexes.map((i) => byIndex.get(i)!),
    sources: indexes.map((i) => `KAFKA_CLUSTERS_${i}_`),
  };
}

function clustersFromYaml(file: string): { clusters: RawCluster[]; sources: string[] } {
  let doc: unknown;
  try {
    doc = readYamlFile(file);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const clusters = (doc as { clusters?: unknown })?.clusters;
  if (!Array.isArray(clusters)) throw new ConfigError(`${file}: expected a top-level "clusters:" list`);
  return { clusters: clusters as RawCluster[], sources: clusters.map((_, i) => `${file}: clusters[${i}].`) };
}

function describeIssue(issue: z.core.$ZodIssue, sources: string[]): string {
  const [, index, ...rest] = issue.path;
  if (typeof index !== 'number') return `${issue.path.join('.') || 'config'}: ${issue.message}`;
  const source = sources[index] ?? `clusters[${index}].`;
  const field = rest.map(String).join('.');
  // A variable names a whole field: bootstrapServers.0 is KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS.
  const named = rest.filter((part) => typeof part === 'string').join('.');
  const envName = source.startsWith('KAFKA_CLUSTERS_')
    ? source +
      (Object.entries(ENV_FIELDS).find(([, f]) => f === named)?.[0] ?? named.toUpperCase().replace('.', '_'))
    : source + field;
  return `${envName}: ${issue.message}`;
}

/** Reads and validates the cluster configuration; throws ConfigError naming the bad field. */
export function loadConfig(env: Env = process.env): ConsoleConfig {
  const fromYaml = env.KAFKASCOPE_CONFIG
    ? clustersFromYaml(env.KAFKASCOPE_CONFIG)
    : { clusters: [], sources: [] };
  const fromEnv = clustersFromEnv(env);
  const raw = [...fromYaml.clusters, ...fromEnv.clusters];
  const sources = [...fromYaml.sources, ...fromEnv.sources];
  if (raw.length === 0) {
    raw.push({ ...LOCAL_CLUSTER });
    sources.push('default local cluster: ');
  }
  for (const cluster of raw) {
    if (
      cluster &&
      typeof cluster === 'object' &&
      cluster.id === undefined &&
      typeof cluster.name === 'string'
    ) {
      cluster.id = slugify(cluster.name);
    }
  }
  const parsed = ConsoleConfigSchema.safeParse({ clusters: raw });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => '  - ' + describeIssue(issue, sources));
    throw new ConfigError(`Invalid cluster configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

const cache = globalThis as unknown as { __kafkascopeConfig?: ConsoleConfig };

export function getConfig(): ConsoleConfig {
  cache.__kafkascopeConfig ??= loadConfig();
  return cache.__kafkascopeConfig;
}

export function findCluster(clusterId: string): ClusterConfig | undefined {
  return getConfig().clusters.find((cluster) => cluster.id === clusterId);
}
