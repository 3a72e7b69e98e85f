import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupListQuerySchema } from '@/lib/schemas/group';
import { MessageQuerySchema, ProduceSchema } from '@/lib/schemas/message';
import { SearchQuerySchema } from '@/lib/schemas/search';
import { TopicListQuerySchema } from '@/lib/schemas/topic';
import { bootstrapOf, devCredentials } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import type { ClusterConfig } from '@/server/config/schema';
import { disconnectAll } from '@/server/kafka';
import { getBroker, getQuorum, listBrokers } from '@/server/services/brokers';
import { listGroups } from '@/server/services/groups';
import { browseMessages, produce } from '@/server/services/messages';
import { getOverview } from '@/server/services/overview';
import { searchStream } from '@/server/services/scan';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { getTopic, listTopics } from '@/server/services/topics';
import { ensureDevScramLogins } from '@/test/dev-scram';
import { unsecuredJwt } from '@/test/jwt';

const creds = devCredentials();
const dir = mkdtempSync(path.join(tmpdir(), 'kafkascope-secure-'));
const tokenFile = path.join(dir, 'token');
const passwordFile = path.join(dir, 'password');
writeFileSync(passwordFile, `${creds.password}\n`);
const topic = `it-secure-${Date.now().toString(36)}`;

/** One cluster, configured the way an operator would: KAFKA_CLUSTERS_0_* variables. */
function cluster(name: string, ports: number[], env: Record<string, string>): ClusterConfig {
  return loadConfig({
    KAFKA_CLUSTERS_0_NAME: name,
    KAFKA_CLUSTERS_0_BOOTSTRAP_SERVERS: bootstrapOf(ports),
    ...Object.fromEntries(Object.entries(env).map(([k, v]) => [`KAFKA_CLUSTERS_0_${k}`, v])),
  }).clusters[0]!;
}

const scram = (mechanism: string) => ({
  SASL_MECHANISM: mechanism,
  SASL_USERNAME: creds.username,
  SASL_PASSWORD_FILE: passwordFile,
});
const tls = { TLS_ENABLED: 'true', TLS_CA_FILE: creds.files.ca };

const variants: [string, number[], () => Record<string, string>][] = [
  ['SASL_PLAINTEXT SCRAM-SHA-256', creds.ports.saslPlaintext, () => scram('scram-sha-256')],
  ['SASL_PLAINTEXT SCRAM-SHA-512', creds.ports.saslPlaintext, () => scram('scram-sha-512')],
  [
    'SASL_PLAINTEXT PLAIN',
    creds.ports.saslPlaintext,
    () => ({ SASL_MECHANISM: 'plain', SASL_USERNAME: creds.username, SASL_PASSWORD: creds.password }),
  ],
  [
    'SASL_PLAINTEXT OAUTHBEARER (token file)',
    creds.ports.saslPlaintext,
    () => ({ SASL_MECHANISM: 'oauthbearer', SASL_TOKEN_FILE: tokenFile }),
  ],
  ['SSL with the CA', creds.ports.ssl, () => tls],
  [
    'SSL with a client certificate (mTLS, encrypted key)',
    creds.ports.ssl,
    () => ({
      ...tls,
      TLS_CERT_FILE: creds.files.clientCert,
      TLS_KEY_FILE: creds.files.clientEncryptedKey,
      TLS_KEY_PASSWORD: creds.keyPassphrase,
    }),
  ],
  ['SASL_SSL SCRAM-SHA-512', creds.ports.saslSsl, () => ({ ...tls, ...scram('scram-sha-512') })],
  [
    'SASL_SSL OAUTHBEARER (token file)',
    creds.ports.saslSsl,
    () => ({ ...tls, SASL_MECHANISM: 'oauthbearer', SASL_TOKEN_FILE: tokenFile }),
  ],
];

beforeAll(async () => {
  await ensureDevScramLogins();
  writeFileSync(tokenFile, unsecuredJwt('kafkascope', 3600));
  const plain = cluster('plain', creds.ports.plaintext, {});
  await createTopic(plain, { name: topic, partitions: 3, replicationFactor: 3, configs: {} });
});

afterAll(async () => {
  await deleteTopic(cluster('plain', creds.ports.plaintext, {}), topic).catch(() => undefined);
  await disconnectAll();
});

describe.each(variants)('over %s', (name, ports, env) => {
  let config: ClusterConfig;
  beforeAll(() => {
    config = cluster(name, ports, env());
  });

  it('lists the brokers at the addresses of that listener, with log dirs and the quorum', async () => {
    const brokers = await listBrokers(config);
    expect(brokers.brokers.map((b) => `${b.host}:${b.port}`)).toEqual(ports.map((p) => `127.0.0.1:${p}`));
    expect(brokers.brokers.every((b) => b.online)).toBe(true);
    // DescribeLogDirs, one of our own protocol requests, over the same secured connections.
    const detail = await getBroker(config, 1);
    expect(detail.logDirs.length).toBeGreaterThan(0);
    expect(detail.logDirs[0]!.error).toBeNull();
    const quorum = await getQuorum(config);
    expect(quorum.leaderId).toBe(brokers.controllerId);
    const overview = await getOverview(config);
    expect(overview).toMatchObject({ brokersOnline: 3, brokersTotal: 3 });
  });

  it('finds the topic, produces to it and reads back what it produced', async () => {
    const page = await listTopics(config, TopicListQuerySchema.parse({ q: topic }));
    expect(page.items.map((t) => t.name)).toEqual([topic]);
    const value = `hello over ${name}`;
    const sent = await produce(config, topic, ProduceSchema.parse({ partition: 1, key: name, value }));
    expect(sent.results).toHaveLength(1);
    const offset = sent.results[0]!.offset!;
    const read = await browseMessages(
      config,
      topic,
      MessageQuerySchema.parse({ partitions: '1', start: 'offset', offset, limit: 1 }),
    );
    expect(read.messages.map((m) => Buffer.from(m.value.base64 ?? '', 'base64').toString())).toEqual([value]);
    // Search: the scanner's own fetches to each partition leader, over the same listener.
    const found: { value: { base64: string | null } }[] = [];
    const events: string[] = [];
    const stream = await searchStream(config, topic, SearchQuerySchema.parse({ q: value, start: 'oldest' }));
    await stream({
      send: (event, data) => {
        events.push(event);
        if (event === 'messages') found.push(...(data as { messages: typeof found }).messages);
      },
      signal: new AbortController().signal,
      close: () => undefined,
    });
    expect(found.map((m) => Buffer.from(m.value.base64 ?? '', 'base64').toString())).toEqual([value]);
    expect(events.at(-1)).toBe('done');
    expect((await getTopic(config, topic)).partitionDetails).toHaveLength(3);
    expect((await listGroups(config, GroupListQuerySchema.parse({}))).total).toBeGreaterThanOrEqual(0);
  });
});
