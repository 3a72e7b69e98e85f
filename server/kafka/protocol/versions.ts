import 'server-only';
import type { RawBroker } from '@/server/kafka/client/internals';

/**
 * The version of an API to send to a broker: the highest both speak, ours being `min`..`max`; null
 * when the broker speaks none of them (or not the API at all). Every request of this folder picks
 * its version here, from the table the broker gave at connection (ApiVersions).
 */
export function pickVersion(broker: RawBroker, apiKey: number, min: number, max: number): number | null {
  const range = broker.versions?.[apiKey];
  if (!range) return null;
  const top = Math.min(max, range.maxVersion);
  return top >= Math.max(min, range.minVersion) ? top : null;
}
