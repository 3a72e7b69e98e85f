/**
 * Node-side handle on the local schema registry of dev/schema-registry (Apicurio Registry answering
 * Confluent's Schema Registry API): used by test setups, the seed and benchmarks. Starting is
 * idempotent; `ensureRegistry` reports whether it started the registry so the caller stops only what
 * it started. Storage is in memory: every start of the registry begins empty.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'dev/schema-registry/registry.sh');

/** Added to the registry's port by registry.sh, as KAFKA_PORT_OFFSET is to the brokers'. */
export const REGISTRY_PORT_OFFSET =
  Number(process.env.SCHEMA_REGISTRY_PORT_OFFSET || process.env.KAFKA_PORT_OFFSET || 0) || 0;
export const REGISTRY_PORT = 8085 + REGISTRY_PORT_OFFSET;
/** Base URL of Confluent's API (ccompat v7): `${REGISTRY_URL}/subjects`, `${REGISTRY_URL}/schemas/ids/1`, … */
export const REGISTRY_URL = `http://127.0.0.1:${REGISTRY_PORT}/apis/ccompat/v7`;

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

/** A schema's import of another subject's version, as in Confluent's API (`name` is the import's name). */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export async function registryIsUp(): Promise<boolean> {
  try {
    const res = await fetch(`${REGISTRY_URL}/subjects`, { signal: AbortSignal.timeout(3_000) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

function runScript(command: 'start' | 'stop'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, command], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`registry.sh ${command} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function ensureRegistry(): Promise<{ startedHere: boolean }> {
  if (await registryIsUp()) return { startedHere: false };
  await runScript('start');
  return { startedHere: true };
}

export async function stopRegistry(): Promise<void> {
  await runScript('stop');
}

/**
 * Registers `schema` under `subject` (a new version, or the existing one with the same content) and
 * returns its id. `schema` is the schema's text; an object is written out as JSON (Avro, JSON Schema).
 */
export async function registerSchema(
  subject: string,
  schema: string | object,
  schemaType: SchemaType = 'AVRO',
  references: SchemaReference[] = [],
): Promise<number> {
  const res = await fetch(`${REGISTRY_URL}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    headers: { 'content-type': CONTENT_TYPE, accept: CONTENT_TYPE },
    body: JSON.stringify({
      schema: typeof schema === 'string' ? schema : JSON.stringify(schema),
      schemaType,
      references,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`registering a ${schemaType} schema under ${subject}: ${res.status} ${text}`);
  const { id } = JSON.parse(text) as { id?: unknown };
  if (typeof id !== 'number') throw new Error(`registering under ${subject}: no id in ${text}`);
  return id;
}
