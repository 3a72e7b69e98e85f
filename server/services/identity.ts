import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';

/** The principal the console connects as, as far as its config says (Kafka decides the rest). */
export function consoleIdentity(cluster: ClusterConfig): string {
  const username = cluster.sasl && 'username' in cluster.sasl ? cluster.sasl.username : undefined;
  return username ? `User:${username}` : 'its principal';
}

/** What the console's own identity may not do, and the permission it lacks, for an error message. */
export const notAllowed = (cluster: ClusterConfig, what: string, needs: string) =>
  `the console's identity on cluster "${cluster.name}" (${consoleIdentity(cluster)}) is not allowed to ${what}: ` +
  `it needs ${needs}, or to be a super user`;
