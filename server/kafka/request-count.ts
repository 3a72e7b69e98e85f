import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the Kafka requests sent while serving one HTTP request (and in total), so benchmarks and
 * the Server-Timing header can show that a page costs requests per broker, not per partition.
 * Counting happens where kafkajs writes a request frame to its socket (client/patches.ts).
 */
interface Counter {
  requests: number;
  /** An enclosing count (the access log's around the handler's) sees the same requests. */
  parent: Counter | undefined;
}
const storage = new AsyncLocalStorage<Counter>();
const totals = { requests: 0 };

export function countKafkaRequest(): void {
  totals.requests += 1;
  for (let counter = storage.getStore(); counter; counter = counter.parent) counter.requests += 1;
}

export async function withRequestCount<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; kafkaRequests: number }> {
  const counter: Counter = { requests: 0, parent: storage.getStore() };
  const result = await storage.run(counter, fn);
  return { result, kafkaRequests: counter.requests };
}

export const totalKafkaRequests = (): number => totals.requests;

/** Runs `fn` outside any HTTP request's count: for background work it starts (timers, refreshes). */
export const outsideRequestCount = <T>(fn: () => T): T => storage.exit(fn);
