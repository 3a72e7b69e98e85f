/**
 * Live traffic for the demo: a producer adding orders every second and a consumer in the
 * `billing-service` group keeping up with them, so the console has members, moving offsets and
 * a lagging group (`analytics-pipeline`) whose lag grows, and an Avro payment a second. Runs until
 * interrupted.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { BOOTSTRAP } from './kafka/local-cluster';
import { sampleEncoders } from './schema-samples';
import { registryIsUp } from './schema-registry/local-registry';

const kafka = new Kafka({
  clientId: 'kafkascope-demo-traffic',
  brokers: BOOTSTRAP.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer({
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
});
const consumer = kafka.consumer({ groupId: 'billing-service' });

async function main(): Promise<void> {
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic: 'orders' });
  await consumer.run({ eachMessage: async () => {} });
  let i = 0;
  // A payment a second in Avro, when the schema registry runs (it is registered again if it restarted).
  const payments = (await registryIsUp()) ? await sampleEncoders() : null;
  let paid = 1000;
  const timer = setInterval(() => {
    if (payments) {
      producer
        .send({ topic: 'payments', messages: [payments.payment(paid++)] })
        .catch((error: Error) => console.error(`traffic: ${error.message}`));
    }
    const messages = Array.from({ length: 3 }, () => {
      i += 1;
      const customerId = `customer-${i % 97}`;
      return {
        key: customerId,
        value: JSON.stringify({
          orderId: randomUUID(),
          customerId,
          total: (i % 80) + 9.5,
          createdAt: new Date().toISOString(),
        }),
        headers: { 'content-type': 'application/json', source: 'demo-traffic' },
      };
    });
    producer
      .send({ topic: 'orders', messages })
      .catch((error: Error) => console.error(`traffic: ${error.message}`));
  }, 1_000);
  const stop = async () => {
    clearInterval(timer);
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`traffic failed: ${(error as Error).message}`);
  process.exit(1);
});
