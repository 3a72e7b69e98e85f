/**
 * Transactional test data on the local cluster, written by kafkajs as an outside producer would:
 * each entry is one transaction of `values`, committed or aborted, in order, on partition 0 of a
 * one-partition topic. Every transaction leaves its records, then one marker, in the log.
 */
import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { BOOTSTRAP } from './local-cluster';

export type Transaction = readonly [values: readonly string[], outcome: 'commit' | 'abort'];

export async function writeTransactions(
  topic: string,
  transactions: readonly Transaction[],
  compression = CompressionTypes.None,
): Promise<void> {
  const kafka = new Kafka({ brokers: BOOTSTRAP.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({
    transactionalId: `${topic}-producer`,
    idempotent: true,
    maxInFlightRequests: 1,
  });
  await producer.connect();
  try {
    for (const [values, outcome] of transactions) {
      const t = await producer.transaction();
      await t.send({ topic, compression, messages: values.map((value) => ({ value })) });
      await (outcome === 'commit' ? t.commit() : t.abort());
    }
  } finally {
    await producer.disconnect();
  }
}
