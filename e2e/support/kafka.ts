// Specs play outside clients (a producer, a consumer in a group), which ARCHITECTURE allows tests; the ESLint
// block for e2e/ does not exempt them, so the one import is waived here. The console under test still reaches
// Kafka only through its API.
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { BOOTSTRAP } from '../../dev/kafka/local-cluster';

export const brokers = BOOTSTRAP.split(',');

export function testKafka(clientId = 'kafkascope-e2e'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/** `perPartition` messages to each of the topic's `partitions`, so every partition has something to lag on. */
export async function produceEvenly(
  producer: Producer,
  topic: string,
  partitions: number,
  perPartition: number,
): Promise<void> {
  const messages = Array.from({ length: partitions * perPartition }, (_, i) => ({
    partition: i % partitions,
    key: `key-${i}`,
    value: JSON.stringify({ i, at: Date.now() }),
  }));
  await producer.send({ topic, messages });
}

export type { Consumer, Producer };
