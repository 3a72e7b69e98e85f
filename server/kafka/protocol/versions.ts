import 'server-only';
import type { RawBroker } from '@/server/kafka/client/internals';
import { KafkaError } from '@/server/kafka/errors';

/** A broker's ApiVersions table: the version range per API key (null before it was read). */
export type VersionTable = RawBroker['versions'];

/**
 * The version of an API to send: the highest both speak, ours being `min`..`max`; null when the
 * table has none of them (or not the API at all). Pure: the table is the broker's ApiVersions.
 */
export function versionFrom(versions: VersionTable, apiKey: number, min: number, max: number): number | null {
  const range = versions?.[apiKey];
  if (!range) return null;
  const top = Math.min(max, range.maxVersion);
  return top >= Math.max(min, range.minVersion) ? top : null;
}

/**
 * The version of an API to send to a broker: the highest both speak, ours being `min`..`max`; null
 * when the broker speaks none of them (or not the API at all). Every request of this folder picks
 * its version here, from the table the broker gave at connection (ApiVersions).
 */
export function pickVersion(broker: RawBroker, apiKey: number, min: number, max: number): number | null {
  return versionFrom(broker.versions, apiKey, min, max);
}

/** An API the console needs for a feature: the versions it speaks, and the Kafka release that has them. */
export interface ApiNeed {
  apiKey: number;
  apiName: string;
  min: number;
  max: number;
  /** The first Kafka release whose brokers speak `min` (e.g. "2.8"). */
  since: string;
  /** What the feature is, for the message (e.g. "Client quotas"). */
  feature: string;
}

/**
 * The version to send for `need`, or a KafkaError (`unsupported`, a 4xx for the caller) saying the
 * cluster does not have the feature and which Kafka release does: an old broker is not a broker
 * that is down. A table not read yet gets our highest version (the broker answers for itself).
 */
export function requiredVersion(versions: VersionTable, need: ApiNeed): number {
  if (!versions) return need.max;
  const version = versionFrom(versions, need.apiKey, need.min, need.max);
  if (version !== null) return version;
  const range = versions[need.apiKey];
  const ours = need.min === need.max ? `v${need.min}` : `v${need.min}–v${need.max}`;
  const theirs = range
    ? `its brokers speak ${need.apiName} v${range.minVersion}–v${range.maxVersion}, the console ${ours}`
    : `its brokers do not speak ${need.apiName}`;
  return unsupported(need, theirs);
}

function unsupported(need: ApiNeed, detail: string): never {
  throw new KafkaError(
    'unsupported',
    `${need.feature}: not supported by this cluster (needs Kafka ${need.since}+; ${detail})`,
    'UNSUPPORTED_VERSION',
  );
}
