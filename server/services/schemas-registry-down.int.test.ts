import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import { disconnectAll } from '@/server/kafka';
import { browseMessages } from '@/server/services/messages';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

/**
 * A registry of its own (another port offset), stopped in the middle: what was looked up before
 * still decodes (cached by id), what was not shows the reason per message, and the page never fails.
 */
const exec = promisify(execFile);
const OFFSET = '17';
const script = path.join(import.meta.dirname, '../../dev/schema-registry/registry.sh');
const registry = (command: string) =>
  exec('bash', [script, command], {
    env: { ...process.env, SCHEMA_REGISTRY_PORT_OFFSET: OFFSET },
    timeout: 120_000,
  });
const url = `http://127.0.0.1:${8085 + Number(OFFSET)}/apis/ccompat/v7`;
const cluster = {
  ...loadConfig({}).clusters[0]!,
  schemaRegistry: {
    url,
    timeoutMs: 2_000,
    username: undefined,
    password: undefined,
    token: undefined,
    tls: undefined,
  },
};
const topic = `it-schemas-down-${Date.now().toString(36)}`;
const query = { start: 'oldest', limit: 10, maxBytes: 4096 } as const;

async function register(subject: string, schema: object): Promise<number> {
  const response = await fetch(`${url}/subjects/${subject}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
  });
  return ((await response.json()) as { id: number }).id;
}

async function kcat(values: Buffer[]) {
  const end = '\u001e<<end>>\u001f';
  const child = exec('kcat', ['-b', BOOTSTRAP.split(',')[0]!, '-P', '-t', topic, '-p', '0', '-D', end]);
  child.child.stdin!.end(Buffer.concat(values.flatMap((v) => [v, Buffer.from(end)])));
  await child;
}

const framed = (id: number, body: Buffer) => {
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  return Buffer.concat([header, body]);
};

beforeAll(async () => {
  await registry('start');
  await createTopic(cluster, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
}, 180_000);

afterAll(async () => {
  await registry('stop').catch(() => undefined);
  await deleteTopic(cluster, topic).catch(() => undefined);
  await disconnectAll();
});

describe('a schema registry stopped mid-read', () => {
  it('keeps decoding the ids it read, gives the reason for the others, and never fails the page', async () => {
    const first = { type: 'record', name: 'A', fields: [{ name: 'n', type: 'int' }] };
    const second = { type: 'record', name: 'B', fields: [{ name: 's', type: 'string' }] };
    const a = await register(`${topic}-value`, first);
    const b = await register(`${topic}-other`, second);
    await kcat([framed(a, avro.Type.forSchema(first as avro.Schema).toBuffer({ n: 7 }))]);
    const before = await browseMessages(cluster, topic, query);
    expect(before.messages[0]!.value.schema).toMatchObject({ id: a, json: '{\n  "n": 7\n}', error: null });

    await registry('stop');
    await kcat([framed(b, avro.Type.forSchema(second as avro.Schema).toBuffer({ s: 'x' }))]);
    const started = Date.now();
    const after = await browseMessages(cluster, topic, query);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(after.messages).toHaveLength(2);
    expect(after.messages[0]!.value.schema).toMatchObject({ id: a, error: null }); // cached by id
    expect(after.messages[1]!.value.schema).toMatchObject({ id: b, json: null });
    expect(after.messages[1]!.value.schema!.error).toMatch(/cannot be reached/);

    // Back up (empty: its storage is in memory), the id is asked again and now is unknown.
    await registry('start');
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // past the few seconds a failure is kept
    const again = await browseMessages(cluster, topic, query);
    expect(again.messages[1]!.value.schema!.error).toMatch(
      new RegExp(`schema id ${b} is not in the schema registry`),
    );
  });
});
