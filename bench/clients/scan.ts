/**
 * Kafka clients compared (docs/decisions/kafka-client.md), scan rate. One client reads the whole of
 * topic clientcmp-scan from its beginning to the high watermarks taken when the run starts, without
 * a consumer group (one Fetch loop per leader, 1 MiB per partition, read uncommitted; the librdkafka
 * consumer is assigned its partitions, it joins no group), and prints one line: messages, seconds,
 * messages/s, MB/s (10^6 bytes of key + value) and the peak RSS (VmHWM) of the process that read.
 *
 *   bash bench/clients/setup.sh                          # candidate clients, Node 22 and 24 in /tmp/clientcmp
 *   npx tsx bench/clients/scan.ts --fill                 # once: 1,000,000 JSON messages over 6 partitions
 *   npx tsx bench/clients/scan.ts --client console       # the console's search over HTTP (npm run build first)
 *   npx tsx bench/clients/scan.ts --client kafkajs       # kafkajs's Broker#fetch and its record decoder
 *   /tmp/clientcmp/node22/package/bin/node --import tsx bench/clients/scan.ts --client platformatic
 *   npx tsx bench/clients/scan.ts --client confluent     # @confluentinc/kafka-javascript, KafkaConsumer#assign
 *                                                        # and consume(N): --batch N, default 100
 *   npx tsx bench/clients/scan.ts --client kcat          # librdkafka's own CLI, output to /dev/null
 *   npx tsx bench/clients/scan.ts --delete
 *
 * Another Node version: the same file, run as `<node binary> --import tsx bench/clients/scan.ts ...`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import Cluster from 'kafkajs/src/cluster/index.js';
import { createLogger } from 'kafkajs/src/loggers/index.js';
import socketFactory from 'kafkajs/src/network/socketFactory.js';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';
import { numberArg, startServer } from '../support';
import { loadInstalled, peakRssMiB, stringArg } from './load';

const TOPIC = 'clientcmp-scan';
const MESSAGES = numberArg('messages', 1_000_000);
const PARTITION_BYTES = 1_048_576;
const brokers = BOOTSTRAP.split(',');
const kafka = new Kafka({ clientId: 'clientcmp', brokers, logLevel: logLevel.NOTHING });

/** Per partition: next offset to read and the end (high watermark at the start); per leader its partitions. */
type Range = { partition: number; next: number; end: number };
type Read = { partition: number; offsets: number[]; sizes: number[] };
let counted = { messages: 0, bytes: 0 };
/** Peak RSS of the process that read, when it is not this one (the console's server, kcat). */
let readerRssMiB: number | null = null;

async function layout(): Promise<{ ranges: Range[]; leaders: Map<number, number[]> }> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(TOPIC);
  const [meta] = (await admin.fetchTopicMetadata({ topics: [TOPIC] })).topics;
  await admin.disconnect();
  const leaders = new Map<number, number[]>();
  for (const p of meta!.partitions) leaders.set(p.leader, [...(leaders.get(p.leader) ?? []), p.partitionId]);
  const ranges = offsets.map((o) => ({ partition: o.partition, next: Number(o.low), end: Number(o.high) }));
  return { ranges, leaders };
}

/** One loop per leader until its partitions reach their ends; records outside [next, end) are not counted. */
async function readAll(fetchFrom: (leader: number, ranges: Range[]) => Promise<Read[]>): Promise<number> {
  const { ranges, leaders } = await layout();
  const byPartition = new Map(ranges.map((r) => [r.partition, r]));
  await fetchFrom([...leaders.keys()][0]!, []); // connect before the clock starts
  const started = performance.now();
  await Promise.all(
    [...leaders].map(async ([leader, partitions]) => {
      for (;;) {
        const open = partitions.map((p) => byPartition.get(p)!).filter((r) => r.next < r.end);
        if (open.length === 0) return;
        for (const read of await fetchFrom(leader, open)) {
          const range = byPartition.get(read.partition)!;
          read.offsets.forEach((offset, i) => {
            if (offset < range.next || offset >= range.end) return;
            counted.messages++;
            counted.bytes += read.sizes[i]!;
          });
          const last = read.offsets.at(-1);
          if (last !== undefined && last + 1 > range.next) range.next = last + 1;
        }
      }
    }),
  );
  return performance.now() - started;
}

interface KafkajsBroker {
  fetch(args: object): Promise<{
    responses: {
      partitions: {
        partition: number;
        messages: { offset: string; key: Buffer | null; value: Buffer | null }[];
      }[];
    }[];
  }>;
}

async function scanKafkajs(): Promise<number> {
  const cluster = new Cluster({
    brokers,
    clientId: 'clientcmp',
    socketFactory: socketFactory(),
    logger: createLogger({ level: logLevel.NOTHING, logCreator: () => () => undefined }),
    connectionTimeout: 10_000,
    requestTimeout: 30_000,
    retry: { retries: 2 },
    allowAutoTopicCreation: false,
    metadataMaxAge: 300_000,
    offsets: new Map(),
  });
  await cluster.connect();
  await cluster.refreshMetadata();
  const elapsed = await readAll(async (leader, ranges) => {
    const broker = (await cluster.findBroker({ nodeId: leader })) as unknown as KafkajsBroker;
    if (ranges.length === 0) return [];
    const response = await broker.fetch({
      replicaId: -1,
      isolationLevel: 0,
      maxWaitTime: 0,
      minBytes: 0,
      maxBytes: PARTITION_BYTES * ranges.length,
      topics: [
        {
          topic: TOPIC,
          partitions: ranges.map((r) => ({
            partition: r.partition,
            fetchOffset: String(r.next),
            maxBytes: PARTITION_BYTES,
          })),
        },
      ],
    });
    return response.responses.flatMap((t) =>
      t.partitions.map((p) => ({
        partition: p.partition,
        offsets: p.messages.map((m) => Number(m.offset)),
        sizes: p.messages.map((m) => (m.key?.length ?? 0) + (m.value?.length ?? 0)),
      })),
    );
  });
  await cluster.disconnect();
  return elapsed;
}

interface PlatformaticConsumer {
  metadata(o: { topics: string[] }): Promise<{ topics: Map<string, { id: string }> }>;
  fetch(o: object): Promise<{
    responses: {
      partitions: {
        partitionIndex: number;
        records?:
          { firstOffset: bigint; records: { offsetDelta: number; key?: Buffer; value?: Buffer }[] }[] | null;
      }[];
    }[];
  }>;
  close(): Promise<void>;
}

async function scanPlatformatic(): Promise<number> {
  const { Consumer } = await loadInstalled<{ Consumer: new (o: object) => PlatformaticConsumer }>(
    'platformatic',
    '@platformatic/kafka',
  );
  // Consumer#fetch sends one Fetch to one broker: the group id is required by the constructor, never joined.
  const consumer = new Consumer({
    clientId: 'clientcmp',
    bootstrapBrokers: brokers,
    groupId: 'clientcmp-never-joined',
  });
  const topicId = (await consumer.metadata({ topics: [TOPIC] })).topics.get(TOPIC)!.id;
  const elapsed = await readAll(async (leader, ranges) => {
    if (ranges.length === 0) return [];
    const response = await consumer.fetch({
      node: leader,
      maxWaitTime: 0,
      minBytes: 0,
      maxBytes: PARTITION_BYTES * ranges.length,
      isolationLevel: 0,
      topics: [
        {
          topicId,
          partitions: ranges.map((r) => ({
            partition: r.partition,
            fetchOffset: BigInt(r.next),
            partitionMaxBytes: PARTITION_BYTES,
            currentLeaderEpoch: -1,
            lastFetchedEpoch: -1,
          })),
        },
      ],
    });
    return response.responses.flatMap((t) =>
      t.partitions.map((p) => {
        const batches = p.records ?? [];
        const records = batches.flatMap((b) => b.records.map((r) => ({ b, r })));
        return {
          partition: p.partitionIndex,
          offsets: records.map(({ b, r }) => Number(b.firstOffset) + r.offsetDelta),
          sizes: records.map(({ r }) => (r.key?.length ?? 0) + (r.value?.length ?? 0)),
        };
      }),
    );
  });
  await consumer.close();
  return elapsed;
}

interface RdkafkaMessage {
  partition: number;
  offset: number;
  key?: Buffer | null;
  value: Buffer | null;
}
interface RdkafkaConsumer {
  connect(o: object, cb: (err: Error | null) => void): void;
  assign(assignments: { topic: string; partition: number; offset: number }[]): void;
  setDefaultConsumeTimeout(ms: number): void;
  setDefaultIsTimeoutOnlyForFirstMessage(only: boolean): void;
  consume(n: number, cb: (err: Error | null, messages: RdkafkaMessage[]) => void): void;
  disconnect(cb: () => void): void;
}

async function scanConfluent(): Promise<number> {
  const { KafkaConsumer } = await loadInstalled<{
    KafkaConsumer: new (global: object, topic: object) => RdkafkaConsumer;
  }>('confluent', '@confluentinc/kafka-javascript');
  const { ranges } = await layout();
  const consumer = new KafkaConsumer(
    {
      'metadata.broker.list': BOOTSTRAP,
      'group.id': 'clientcmp-never-joined', // assign() joins no group; nothing is committed
      'enable.auto.commit': false,
      'enable.auto.offset.store': false,
      'isolation.level': 'read_uncommitted',
      'max.partition.fetch.bytes': PARTITION_BYTES,
    },
    {},
  );
  await new Promise<void>((resolve, reject) =>
    consumer.connect({}, (err) => (err ? reject(err) : resolve())),
  );
  // As its KafkaJS-style consumer does: wait for the first message of a batch only, take what is ready.
  consumer.setDefaultConsumeTimeout(100);
  consumer.setDefaultIsTimeoutOnlyForFirstMessage(true);
  const open = new Map(ranges.filter((r) => r.next < r.end).map((r) => [r.partition, r]));
  const started = performance.now();
  consumer.assign(ranges.map((r) => ({ topic: TOPIC, partition: r.partition, offset: r.next })));
  await new Promise<void>((resolve, reject) => {
    const step = () =>
      consumer.consume(numberArg('batch', 100), (err, messages) => {
        if (err) return reject(err);
        for (const m of messages) {
          const range = open.get(m.partition);
          if (!range || m.offset < range.next || m.offset >= range.end) continue;
          counted.messages++;
          counted.bytes += (m.key?.length ?? 0) + (m.value?.length ?? 0);
          if (m.offset + 1 >= range.end) open.delete(m.partition);
        }
        if (open.size === 0) resolve();
        else setImmediate(step);
      });
    step();
  });
  const elapsed = performance.now() - started;
  await new Promise<void>((resolve) => consumer.disconnect(resolve));
  return elapsed;
}

/** The console's search (text not found: every record is read and looked at), as the browser asks for it. */
async function scanConsole(): Promise<number> {
  const port = numberArg('port', 3191);
  const server = await startServer(port);
  const search = async (q: string, limit: number) => {
    const url = `http://127.0.0.1:${port}/api/clusters/local/topics/${TOPIC}/search?${new URLSearchParams({ q, limit: String(limit) })}`;
    const started = performance.now();
    const text = await (await fetch(url)).text();
    const frames = text.split('\n\n');
    const data = (event: string) =>
      frames
        .filter((f) => f.startsWith(`event: ${event}\n`))
        .map((f) => JSON.parse(/^data: (.+)$/m.exec(f)![1]!));
    if (data('error').length > 0) throw new Error(JSON.stringify(data('error')));
    const done = data('done').at(-1) as { scanned: number };
    const progress = data('progress').at(-1) as { bytes: number } | undefined;
    return { ms: performance.now() - started, scanned: done.scanned, bytes: progress?.bytes ?? 0 };
  };
  try {
    await search('placed', 1); // connects
    const run = await search('no-such-text-anywhere', 1000);
    counted = { messages: run.scanned, bytes: run.bytes };
    readerRssMiB = peakRssMiB(server.pid!);
    return run.ms;
  } finally {
    server.kill();
  }
}

async function scanKcat(): Promise<number> {
  const started = performance.now();
  const { stderr } = await promisify(execFile)('sh', [
    '-c',
    `/usr/bin/time -v kcat -C -b ${BOOTSTRAP} -t ${TOPIC} -o beginning -e -q > /dev/null`,
  ]);
  const elapsed = performance.now() - started;
  const { ranges } = await layout();
  counted = { messages: ranges.reduce((s, r) => s + r.end - r.next, 0), bytes: Number.NaN };
  readerRssMiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]) / 1024;
  return elapsed;
}

async function fill(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  if (!(await admin.listTopics()).includes(TOPIC))
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: TOPIC, numPartitions: 6, replicationFactor: 1 }],
    });
  const have = (await admin.fetchTopicOffsets(TOPIC)).reduce((s, p) => s + Number(p.high) - Number(p.low), 0);
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const pad = 'x'.repeat(90);
  for (let sent = have; sent < MESSAGES;) {
    const n = Math.min(20_000, MESSAGES - sent);
    const messages = Array.from({ length: n }, (_, i) => {
      const id = sent + i;
      const value = {
        id,
        status: id % 1000 === 0 ? 'cancelled' : 'placed',
        total: (id % 500) + 0.99,
        region: 'eu-west',
        pad,
      };
      return { key: `customer-${id % 1000}`, value: JSON.stringify(value), partition: id % 6 };
    });
    await producer.send({ topic: TOPIC, messages, acks: 1 });
    sent += n;
  }
  await producer.disconnect();
  console.log(`${TOPIC}: ${Math.max(have, MESSAGES)} messages`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--fill')) return fill();
  if (process.argv.includes('--delete')) {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [TOPIC] });
    return admin.disconnect();
  }
  const client = stringArg('client', 'kafkajs');
  const scans: Record<string, () => Promise<number>> = {
    kafkajs: scanKafkajs,
    platformatic: scanPlatformatic,
    confluent: scanConfluent,
    console: scanConsole,
    kcat: scanKcat,
  };
  if (!scans[client]) throw new Error(`--client: one of ${Object.keys(scans).join(', ')}`);
  const ms = await scans[client]();
  const s = ms / 1000;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(
    `${client.padEnd(12)} node ${process.version.padEnd(9)} ${fmt(counted.messages)} msgs in ${s.toFixed(2)} s  ` +
      `${fmt(counted.messages / s)} msg/s  ${Number.isNaN(counted.bytes) ? 'n/a' : (counted.bytes / 1e6 / s).toFixed(1)} MB/s  peak RSS ${(readerRssMiB ?? peakRssMiB()).toFixed(0)} MiB${readerRssMiB === null ? '' : ` (${client === 'console' ? 'the server' : client})`}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
