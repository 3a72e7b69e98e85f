import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { toAppError } from '@/server/kafka/errors';
import { withTimeout } from '@/server/kafka/timeout';
import { invalidate } from '@/server/services/cache';

/**
 * Runs a Kafka call that changes the cluster: bounded by the cluster's time-out, its failure mapped
 * to an API error, and the cluster's shared reads dropped afterwards (success or not).
 */
export async function kafkaChange<T>(cluster: ClusterConfig, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withTimeout(fn(), cluster.requestTimeoutMs, what);
  } catch (error) {
    throw toAppError(error, what, cluster);
  } finally {
    invalidate(`${cluster.id}/`);
  }
}

/** A Kafka read: bounded and mapped like a change, but the cluster's shared reads stay valid. */
export async function kafkaRead<T>(cluster: ClusterConfig, what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await withTimeout(fn(), cluster.requestTimeoutMs, what);
  } catch (error) {
    throw toAppError(error, what, cluster);
  }
}
