import 'server-only';

export type VersionTable = Record<number, { minVersion: number; maxVersion: number }>;

/**
 * Why the cluster behind a set of addresses is no longer the one the clients were made for, or null.
 * A new cluster id means another cluster (re-created, or replaced behind the same names); changed API
 * version ranges mean new broker software (an upgrade, a ZooKeeper to KRaft migration), whose
 * protocol versions kafkajs would otherwise keep using from its first connection.
 */
export function clusterChange(
  known: { clusterId: string | null; versions: VersionTable | null },
  seen: { clusterId?: string | null; versions?: VersionTable | null },
): string | null {
  if (known.clusterId && seen.clusterId && known.clusterId !== seen.clusterId)
    return `cluster id changed from ${known.clusterId} to ${seen.clusterId}`;
  if (!known.versions || !seen.versions) return null;
  const keys = new Set([...Object.keys(known.versions), ...Object.keys(seen.versions)].map(Number));
  for (const key of keys) {
    const a = known.versions[key];
    const b = seen.versions[key];
    if (a?.minVersion !== b?.minVersion || a?.maxVersion !== b?.maxVersion)
      return `API ${key} versions changed from ${a ? `${a.minVersion}-${a.maxVersion}` : 'none'} to ${b ? `${b.minVersion}-${b.maxVersion}` : 'none'}`;
  }
  return null;
}
