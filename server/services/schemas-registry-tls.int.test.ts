import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP, devCredentials } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { disconnectAll } from '@/server/kafka';
import { browseMessages } from '@/server/services/messages';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';

/**
 * A registry that speaks HTTPS only (its own, on another port offset, with the local cluster's dev
 * certificate): the console checks it against the configured CA, and says why when it cannot.
 */
const exec = promisify(execFile);
const OFFSET = '19';
const url = `https://127.0.0.1:${8085 + Number(OFFSET)}/apis/ccompat/v7`;
const script = path.join(import.meta.dirname, '../../dev/schema-registry/registry.sh');
const files = devCredentials().files;
const dir = mkdtempSync(path.join(tmpdir(), 'registry-tls-'));
const cert = path.join(dir, 'cert.pem');
const key = path.join(dir, 'key.pem');
const env = () => ({
  ...process.env,
  SCHEMA_REGISTRY_PORT_OFFSET: OFFSET,
  SCHEMA_REGISTRY_TLS_CERT_FILE: cert,
  SCHEMA_REGISTRY_TLS_KEY_FILE: key,
  SCHEMA_REGISTRY_TLS_CA_FILE: files.ca,
});
const registry = (command: string) => exec('bash', [script, command], { env: env(), timeout: 120_000 });
const topic = `it-schemas-tls-${Date.now().toString(36)}`;
const base = loadConfig({}).clusters[0]!;
const withRegistry = (tls: { ca?: string; insecureSkipVerify?: boolean }, id: string): ClusterConfig => ({
  ...base,
  id,
  schemaRegistry: {
    url,
    timeoutMs: 3_000,
    username: undefined,
    password: undefined,
    token: undefined,
    tls: {
      enabled: true,
      ca: tls.ca,
      cert: undefined,
      key: undefined,
      keyPassword: undefined,
      servername: undefined,
      insecureSkipVerify: tls.insecureSkipVerify ?? false,
    },
  },
});
const query = { start: 'oldest', limit: 10, maxBytes: 4096 } as const;
const schema = { type: 'record', name: 'T', fields: [{ name: 'n', type: 'long' }] };
let id = 0;

beforeAll(async () => {
  // The dev broker certificate (SAN 127.0.0.1) and its key, out of the broker's PEM keystore.
  const pem = readFileSync(path.join(path.dirname(files.ca), 'broker.pem'), 'utf8');
  writeFileSync(key, pem.match(/-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----\n/)![0]);
  writeFileSync(cert, pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/)![0]);
  await registry('start');
  // Registered through curl, which checks the registry's certificate against the dev CA.
  const { stdout } = await exec('curl', [
    '-s',
    '--cacert',
    files.ca,
    '-X',
    'POST',
    '-H',
    'Content-Type: application/vnd.schemaregistry.v1+json',
    '--data',
    JSON.stringify({ schema: JSON.stringify(schema) }),
    `${url}/subjects/${topic}-value/versions`,
  ]);
  id = (JSON.parse(stdout) as { id: number }).id;
  await createTopic(base, { name: topic, partitions: 1, replicationFactor: 1, configs: {} });
  const header = Buffer.alloc(5);
  header.writeInt32BE(id, 1);
  const child = exec('kcat', ['-b', BOOTSTRAP.split(',')[0]!, '-P', '-t', topic, '-p', '0', '-D', '\u001e']);
  child.child.stdin!.end(
    Buffer.concat([
      header,
      avro.Type.forSchema(schema as avro.Schema).toBuffer({ n: 42 }),
      Buffer.from('\u001e'),
    ]),
  );
  await child;
}, 180_000);

afterAll(async () => {
  await registry('stop').catch(() => undefined);
  await deleteTopic(base, topic).catch(() => undefined);
  await disconnectAll();
});

describe('a schema registry over HTTPS', () => {
  it('decodes through a registry whose certificate the configured CA signed', async () => {
    const { messages } = await browseMessages(
      withRegistry({ ca: readFileSync(files.ca, 'utf8') }, 'tls-ca'),
      topic,
      query,
    );
    expect(messages[0]!.value.schema).toMatchObject({ id, json: '{\n  "n": 42\n}', error: null });
  });

  it('refuses a registry another CA signed, and says so per message', async () => {
    const { messages } = await browseMessages(
      withRegistry({ ca: readFileSync(files.otherCa, 'utf8') }, 'tls-other-ca'),
      topic,
      query,
    );
    expect(messages[0]!.value.schema!.json).toBeNull();
    expect(messages[0]!.value.schema!.error).toMatch(
      /cannot be reached \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/,
    );
  });

  it('decodes without checking the certificate only when told to', async () => {
    const { messages } = await browseMessages(
      withRegistry({ insecureSkipVerify: true }, 'tls-skip'),
      topic,
      query,
    );
    expect(messages[0]!.value.schema).toMatchObject({ id, error: null });
  });
});
