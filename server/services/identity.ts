import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';

/** The principal the console connects as, as far as its config says (Kafka decides the rest). */
export function consoleIdentity(cluster: ClusterConfig): string {
  const username = cluster.sasl && 'username' in cluster.sasl ? cluster.sasl.username : undefined;
  return username ? `User:${username}` : 'its principal';
}
