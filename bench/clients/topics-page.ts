/**
 * Kafka clients compared (docs/decisions/kafka-client.md), requests per page. Each client gathers
 * what the console's topics list needs: Metadata of all topics, earliest and latest offsets of every
 * partition, and the size of every partition (DescribeLogDirs). The page is read twice and the
 * requests of the second read are counted by API, so connecting and ApiVersions are left out:
 *
 *   console               the console's GET /api/clusters/local/topics (production build), as counted
 *                         by its own metrics (kafkajs plus server/kafka/protocol)
 *   kafkajs               kafkajs's public Admin only (fetchTopicMetadata, fetchTopicOffsets per topic;
 *                         it has no DescribeLogDirs), counted at kafkajs's Connection#send
 *   platformatic          @platformatic/kafka's Admin (listTopics, metadata, listOffsets, describeLogDirs)
 *   platformatic-raw      @platformatic/kafka's exported request functions sent on its connections
 *                         (Metadata v12, ListOffsets v9, DescribeLogDirs v4), as the console would send them
 *   (both platformatic ones counted on its diagnostics channel plt:kafka:connections:api)
 *   confluent             @confluentinc/kafka-javascript's AdminClient (getMetadata, listOffsets; no
 *                         DescribeLogDirs), counted from librdkafka's protocol debug log
 *
 *   npx tsx bench/clients/topics-page.ts --client console|kafkajs|confluent
 *   /tmp/clientcmp/node22/package/bin/node --import tsx bench/clients/topics-page.ts --client platformatic|platformatic-raw
 *   npx tsx bench/clients/topics-page.ts --create 100     # adds clientcmp-page-000.. (6 partitions each)
 *   npx tsx bench/clients/topics-page.ts --delete         # removes them
 */
import { subscribe } from 'node:diagnostics_channel';
import { Kafka, logLevel } from 'kafkajs';
import Connection from 'kafkajs/src/network/connection.js';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';
import { numberArg, startServer } from '../support';
import { loadInstalled, stringArg } from './load';

const brokers = BOOTSTRAP.split(',');
const kafka = new Kafka({ clientId: 'clientcmp', brokers, logLevel: logLevel.NOTHING });
const API_NAMES: Record<number, string> = {
  1: 'Fetch',
  2: 'ListOffsets',
  3: 'Metadata',
  10: 'FindCoordinator',
  18: 'ApiVersions',
  35: 'DescribeLogDirs',
  55: 'DescribeQuorum',
  60: 'DescribeCluster',
};

let sent = new Map<string, number>();
const count = (api: string) => sent.set(api, (sent.get(api) ?? 0) + 1);

/** Runs `page` twice and returns the requests of the second run with what it found. */
async function twice(page: () => Promise<string>): Promise<{ found: string; requests: Map<string, number> }> {
  await page();
  sent = new Map();
  const found = await page();
  return { found, requests: sent };
}

async function consolePage() {
  const port = numberArg('port', 3192);
  const server = await startServer(port);
  const metrics = async () => {
    const text = await (await fetch(`http://127.0.0.1:${port}/api/metrics`)).text();
    const byApi = new Map<string, number>();
    for (const m of text.matchAll(/^kafkascope_kafka_request_duration_seconds_count\{([^}]*)\} (\d+)$/gm)) {
      const api = /api="([^"]+)"/.exec(m[1]!)?.[1] ?? '?';
      byApi.set(api, (byApi.get(api) ?? 0) + Number(m[2]));
    }
    return byApi;
  };
  try {
    const page = async () => {
      await new Promise((r) => setTimeout(r, 2_100)); // past the 2 s shared-read cache
      const before = await metrics();
      const response = await fetch(`http://127.0.0.1:${port}/api/clusters/local/topics`);
      const body = (await response.json()) as { total: number };
      for (const [api, n] of await metrics())
        if (n > (before.get(api) ?? 0)) sent.set(api, n - (before.get(api) ?? 0));
      return `${body.total} topics (internal hidden); x-kafka-requests ${response.headers.get('x-kafka-requests')}`;
    };
    return await twice(page);
  } finally {
    server.kill();
  }
}

async function kafkajsPage() {
  const proto = Connection.prototype as {
    send: (this: unknown, r: { request: { apiName: string } }) => Promise<unknown>;
  };
  const send = proto.send;
  proto.send = function countedSend(request) {
    count(request.request.apiName);
    return send.call(this, request);
  };
  const admin = kafka.admin();
  await admin.connect();
  const page = async () => {
    const { topics } = await admin.fetchTopicMetadata();
    // One topic at a time: kafkajs's parallel fetchTopicOffsets calls race on its shared metadata.
    let partitions = 0;
    let failed = 0;
    for (const t of topics)
      partitions += await admin.fetchTopicOffsets(t.name).then(
        (o) => o.length,
        () => (failed++, 0),
      );
    return `${topics.length} topics (${failed} failed), ${partitions} partitions; no DescribeLogDirs in kafkajs`;
  };
  try {
    return await twice(page);
  } finally {
    await admin.disconnect();
  }
}

type Conn = unknown;
interface Api {
  async: (connection: Conn, ...args: unknown[]) => Promise<unknown>;
}
interface PlatformaticAdmin {
  listTopics(o?: object): Promise<string[]>;
  metadata(
    o: object,
  ): Promise<{ brokers: Map<number, unknown>; topics: Map<string, { partitions: { leader: number }[] }> }>;
  listOffsets(o: object): Promise<{ name: string; partitions: unknown[] }[]>;
  describeLogDirs(o: object): Promise<unknown[]>;
  connectToBrokers(ids?: number[] | null): Promise<Map<number, Conn>>;
  close(): Promise<void>;
}
interface PlatformaticModule {
  Admin: new (o: object) => PlatformaticAdmin;
  metadataV12: { api: Api };
  listOffsetsV9: { api: Api };
  describeLogDirsV4: { api: Api };
}

async function platformaticPage(raw: boolean) {
  const k = await loadInstalled<PlatformaticModule>('platformatic', '@platformatic/kafka');
  subscribe('tracing:plt:kafka:connections:api:start', (message) => {
    const { apiKey } = message as { apiKey: number };
    count(API_NAMES[apiKey] ?? `api ${apiKey}`);
  });
  const admin = new k.Admin({ clientId: 'clientcmp', bootstrapBrokers: brokers });
  const viaAdmin = async () => {
    // Its metadata cache leaves internal topics out (base.js skips isInternal): they are not asked for.
    const names = await admin.listTopics();
    const meta = await admin.metadata({ topics: names, forceUpdate: true });
    const partitions = (timestamp: bigint) =>
      [...meta.topics].map(([name, t]) => ({
        name,
        partitions: t.partitions.map((_, i) => ({ partitionIndex: i, timestamp })),
      }));
    await admin.listOffsets({ topics: partitions(-2n) });
    await admin.listOffsets({ topics: partitions(-1n) });
    const dirs = await admin.describeLogDirs({
      topics: [...meta.topics].map(([name, t]) => ({ name, partitions: t.partitions.map((_, i) => i) })),
    });
    return `${meta.topics.size} topics, ${dirs.length} brokers' log dirs`;
  };
  const viaRequests = async () => {
    const connections = await admin.connectToBrokers(null);
    const any = [...connections.values()][0];
    const meta = (await k.metadataV12.api.async(any, null, false, false)) as {
      topics: {
        name: string;
        partitions: { partitionIndex: number; leaderId: number; leaderEpoch: number }[];
      }[];
    };
    type LeaderTopics = {
      name: string;
      partitions: { partitionIndex: number; currentLeaderEpoch: number }[];
    }[];
    const byLeader = new Map<number, LeaderTopics>();
    for (const t of meta.topics) {
      for (const p of t.partitions) {
        const list = byLeader.get(p.leaderId) ?? [];
        let entry = list.find((e) => e.name === t.name);
        if (!entry) list.push((entry = { name: t.name, partitions: [] }));
        entry.partitions.push({ partitionIndex: p.partitionIndex, currentLeaderEpoch: p.leaderEpoch });
        byLeader.set(p.leaderId, list);
      }
    }
    const at = (topics: LeaderTopics, timestamp: bigint) =>
      topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ ...p, timestamp })) }));
    await Promise.all(
      [...byLeader].flatMap(([leader, topics]) => [
        k.listOffsetsV9.api.async(connections.get(leader), -1, 0, at(topics, -2n)),
        k.listOffsetsV9.api.async(connections.get(leader), -1, 0, at(topics, -1n)),
      ]),
    );
    // null: every partition the broker holds, as the console asks.
    await Promise.all([...connections.values()].map((c) => k.describeLogDirsV4.api.async(c, null)));
    return `${meta.topics.length} topics, ${byLeader.size} leaders, ${connections.size} brokers`;
  };
  try {
    return await twice(raw ? viaRequests : viaAdmin);
  } finally {
    await admin.close();
  }
}

interface RdkafkaAdmin {
  _client: { getMetadata(o: object, cb: (err: Error | null, md: RdkafkaMetadata) => void): void };
  listOffsets(
    partitions: object[],
    options: object,
    cb: (err: Error | null, offsets: unknown[]) => void,
  ): void;
  disconnect(): void;
}
interface RdkafkaMetadata {
  topics: { name: string; partitions: { id: number; leader: number }[] }[];
}

async function confluentPage() {
  const k = await loadInstalled<{
    AdminClient: { create(conf: object, handlers: object): RdkafkaAdmin };
    OffsetSpec: { EARLIEST: unknown; LATEST: unknown };
  }>('confluent', '@confluentinc/kafka-javascript');
  const admin = k.AdminClient.create(
    { 'bootstrap.servers': BOOTSTRAP, 'client.id': 'clientcmp', debug: 'protocol', log_level: 7 },
    {
      'event.log': (log: { message: string }) => {
        const api = / Sent (\w+)Request \(v\d+/.exec(log.message)?.[1];
        if (api) count(api);
      },
    },
  );
  const metadata = () =>
    new Promise<RdkafkaMetadata>((resolve, reject) =>
      admin._client.getMetadata({ allTopics: true, timeout: 10_000 }, (err, md) =>
        err ? reject(err) : resolve(md),
      ),
    );
  const listOffsets = (partitions: object[]) =>
    new Promise<unknown[]>((resolve, reject) =>
      admin.listOffsets(partitions, { timeout: 10_000 }, (err, offsets) =>
        err ? reject(err) : resolve(offsets),
      ),
    );
  const page = async () => {
    const md = await metadata();
    const all = (offset: unknown) =>
      md.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.id, offset })));
    const [earliest] = await Promise.all([
      listOffsets(all(k.OffsetSpec.EARLIEST)),
      listOffsets(all(k.OffsetSpec.LATEST)),
    ]);
    await new Promise((r) => setTimeout(r, 500)); // the debug log arrives through the event loop
    return `${md.topics.length} topics, ${earliest.length} partitions; no DescribeLogDirs in this client`;
  };
  try {
    return await twice(page);
  } finally {
    admin.disconnect();
  }
}

async function main(): Promise<void> {
  const create = numberArg('create', 0);
  if (create > 0 || process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    const ours = (await admin.listTopics()).filter((t) => t.startsWith('clientcmp-page-'));
    if (create > 0) {
      const names = Array.from({ length: create }, (_, i) => `clientcmp-page-${String(i).padStart(3, '0')}`);
      const topics = names
        .filter((n) => !ours.includes(n))
        .map((topic) => ({ topic, numPartitions: 6, replicationFactor: 1 }));
      await admin.createTopics({ topics, waitForLeaders: true, timeout: 60_000 });
    } else if (ours.length > 0) await admin.deleteTopics({ topics: ours, timeout: 60_000 });
    return admin.disconnect();
  }
  const client = stringArg('client', 'console');
  const pages: Record<string, () => Promise<{ found: string; requests: Map<string, number> }>> = {
    console: consolePage,
    kafkajs: kafkajsPage,
    platformatic: () => platformaticPage(false),
    'platformatic-raw': () => platformaticPage(true),
    confluent: confluentPage,
  };
  if (!pages[client]) throw new Error(`--client: one of ${Object.keys(pages).join(', ')}`);
  const { found, requests } = await pages[client]();
  const total = [...requests.values()].reduce((s, n) => s + n, 0);
  const list = [...requests]
    .sort()
    .map(([api, n]) => `${api} ${n}`)
    .join(', ');
  console.log(`${client.padEnd(17)} ${total} requests (${list})  [${found}]`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
