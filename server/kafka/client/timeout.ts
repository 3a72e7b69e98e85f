import 'server-only';
import { KafkaError } from '@/server/kafka/errors';

/**
 * Bounds any Kafka call: kafkajs retries internally and a dead cluster can otherwise keep a request
 * pending far longer than a page should wait.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KafkaError('timeout', `${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
