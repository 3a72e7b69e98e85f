/**
 * Demo data for the local cluster: topics of several partitions holding JSON, text and binary
 * messages with keys and headers, Avro, Protobuf and JSON Schema records through the local schema
 * registry (dev/schema-samples.ts), one consumer group caught up and one lagging.
 * Idempotent: topics that exist are left as they are, so running it twice adds nothing.
 *
 *   npx tsx dev/seed.ts [--bootstrap 127.0.0.1:9092]   (default: the local cluster, KAFKA_PORT_OFFSET included)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CompressionTypes,
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type Message,
  type Producer,
} from 'kafkajs';
import { BOOTSTRAP } from './kafka/local-cluster';
import { sampleEncoders } from './schema-samples';
import { REGISTRY_URL, registryIsUp } from './schema-registry/local-registry';

const bootstrapArg = process.argv.indexOf('--bootstrap');
const brokers = (bootstrapArg > 0 ? process.argv[bootstrapArg + 1]! : BOOTSTRAP).split(',');

interface SeedTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs?: Record<string, string>;
  count: number;
  compression?: CompressionTypes;
  message: (i: number) => Message;
}

const regions = ['eu-west', 'us-east', 'ap-south'];
const levels = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];

const seedTopics: SeedTopic[] = [
  {
    name: 'orders',
    partitions: 6,
    replicationFactor: 3,
    configs: { 'retention.ms': String(7 * 24 * 3600 * 1000) },
    count: 1200,
    message: (i) => ({
      key: `customer-${i % 97}`,
      value: JSON.stringify({
        orderId: randomUUID(),
        customerId: `customer-${i % 97}`,
        items: [
          { sku: `SKU-${(i * 7) % 500}`, quantity: 1 + (i % 4), price: Number(((i % 50) + 4.99).toFixed(2)) },
        ],
        region: regions[i % regions.length],
        status: i % 10 === 0 ? 'cancelled' : 'placed',
        createdAt: new Date(Date.now() - (1200 - i) * 60_000).toISOString(),
      }),
      headers: {
        'content-type': 'application/json',
        source: 'web-shop',
        'trace-id': randomBytes(8).toString('hex'),
      },
    }),
  },
  {
    name: 'app-logs',
    partitions: 3,
    replicationFactor: 2,
    count: 900,
    compression: CompressionTypes.GZIP,
    message: (i) => ({
      key: `pod-${i % 5}`,
      value: `${new Date(Date.now() - (900 - i) * 1000).toISOString()} ${levels[i % levels.length]} checkout-service request ${i} handled in ${(i * 13) % 400} ms`,
      headers: { host: `node-${i % 3}` },
    }),
  },
  {
    name: 'sensor-readings.bin',
    partitions: 3,
    replicationFactor: 3,
    count: 600,
    message: (i) => {
      // A fixed binary layout (int32 sensor id, float64 value, int64 millis), as IoT pipelines send.
      const value = Buffer.alloc(20);
      value.writeInt32BE(i % 40, 0);
      value.writeDoubleBE(20 + Math.sin(i / 10) * 5, 4);
      value.writeBigInt64BE(BigInt(Date.now() - (600 - i) * 5_000), 12);
      return { key: Buffer.from([0x00, i % 40]), value, headers: { schema: 'sensor-v1' } };
    },
  },
  {
    name: 'user-events',
    partitions: 4,
    replicationFactor: 3,
    configs: { 'cleanup.policy': 'compact' },
    count: 400,
    message: (i) => ({
      key: `user-${i % 60}`,
      value:
        i % 25 === 0
          ? null
          : JSON.stringify({
              user: `user-${i % 60}`,
              event: ['login', 'view', 'logout'][i % 3],
              at: Date.now(),
            }),
    }),
  },
];

/** Committed offsets as a fraction of each partition's end: 1 = caught up. */
const seedGroups = [
  { groupId: 'billing-service', topic: 'orders', fraction: 1 },
  { groupId: 'analytics-pipeline', topic: 'orders', fraction: 0.55 },
  { groupId: 'log-archiver', topic: 'app-logs', fraction: 0.8 },
];

/** Avro, Protobuf and JSON Schema topics through the local schema registry (left out when it is not running). */
async function seedSchemaTopics(admin: Admin, producer: Producer, existing: Set<string>): Promise<void> {
  if (!(await registryIsUp())) {
    console.log(
      `schema registry not running at ${REGISTRY_URL}: the Avro, Protobuf and JSON Schema topics are left out`,
    );
    return;
  }
  // Registered at every seed: the registry keeps schemas in memory, and the same order gives the same ids.
  const encoders = await sampleEncoders();
  const topics = [
    { name: 'payments', partitions: 3, count: 400, message: encoders.payment },
    { name: 'shipments', partitions: 3, count: 300, message: encoders.shipment },
    { name: 'sensor-readings', partitions: 2, count: 300, message: encoders.reading },
  ].filter((t) => !existing.has(t.name));
  if (topics.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: topics.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 3 })),
  });
  for (const topic of topics) {
    const messages = Array.from({ length: topic.count }, (_, i) => topic.message(i));
    await producer.send({ topic: topic.name, messages });
    console.log(
      `seeded ${topic.name}: ${topic.partitions} partitions, ${topic.count} records in the registry's wire format`,
    );
  }
}

async function main(): Promise<void> {
  // kafkajs logs retriable errors it then recovers from (a leader not elected yet) at ERROR: they read
  // like failures. A real failure is thrown and reported below.
  const kafka = new Kafka({ clientId: 'kafkascope-seed', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  // The partitioner is named, which also keeps kafkajs from warning that its default changed in 2.0.
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const existing = new Set(await admin.listTopics());
    const fresh = seedTopics.filter((t) => !existing.has(t.name));
    if (fresh.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: fresh.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: t.replicationFactor,
          configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    for (const topic of fresh) {
      const messages = Array.from({ length: topic.count }, (_, i) => topic.message(i));
      for (let i = 0; i < messages.length; i += 200) {
        await producer.send({
          topic: topic.name,
          compression: topic.compression,
          messages: messages.slice(i, i + 200),
        });
      }
      console.log(`seeded ${topic.name}: ${topic.partitions} partitions, ${topic.count} messages`);
    }

    const groups = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    for (const { groupId, topic, fraction } of seedGroups) {
      if (groups.has(groupId)) continue;
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map((p) => ({
          partition: p.partition,
          offset: String(Math.floor(Number(p.high) * fraction)),
        })),
      });
      console.log(`seeded group ${groupId} on ${topic} at ${Math.round(fraction * 100)}% of the log`);
    }
    await seedSchemaTopics(admin, producer, existing);
    if (fresh.length === 0) console.log('demo data already present');
  } finally {
    await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
  }
}

main().catch((error) => {
  console.error(`seeding failed: ${(error as Error).message}`);
  process.exit(1);
});
