import { formatBytes } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/format/duration';
import type { ConfigEntry } from '@/lib/schemas/topic';

/**
 * A human reading of a numeric config value, judged by Kafka's naming (`*.ms`, `*.bytes`): `7 d` for
 * `retention.ms=604800000`, `1.0 GiB` for `segment.bytes=1073741824`, `unlimited` for -1. Null when the
 * raw value says it all.
 */
export function configValueHint(name: string, value: string | null): string | null {
  if (value === null || !/^-?\d+$/.test(value)) return null;
  // Java's Long.MAX_VALUE: Kafka's way of saying "never" for flush.ms, max.compaction.lag.ms and the like.
  if (value === '9223372036854775807') return 'no limit';
  const number = Number(value);
  if (!Number.isSafeInteger(number)) return null;
  const isMs = name.endsWith('.ms');
  const isBytes = name.endsWith('.bytes') || name.endsWith('.bytes.per.second');
  if (!isMs && !isBytes) return null;
  if (number === -1) return 'unlimited';
  if (number < 0) return null;
  if (isMs) return number < 1000 ? null : formatDuration(number);
  return number < 1024 ? null : formatBytes(number);
}

/** A broker config someone set (dynamically or in server.properties), rather than Kafka's default. */
export const isBrokerOverride = (entry: ConfigEntry) => entry.source !== 'default';

/** A topic config set on the topic itself: the only kind a topic can reset. */
export const isTopicOverride = (entry: ConfigEntry) => entry.source === 'topic';

/** Overrides first (they are what someone changed), then by name; filtered by a text in the name or value. */
export function arrangeConfigs(
  configs: ConfigEntry[],
  options: { text: string; onlyOverrides: boolean; isOverride: (entry: ConfigEntry) => boolean },
): ConfigEntry[] {
  const needle = options.text.trim().toLowerCase();
  return configs
    .filter((entry) => !options.onlyOverrides || options.isOverride(entry))
    .filter(
      (entry) =>
        !needle ||
        entry.name.toLowerCase().includes(needle) ||
        (!entry.sensitive && (entry.value ?? '').toLowerCase().includes(needle)),
    )
    .sort(
      (a, b) => Number(options.isOverride(b)) - Number(options.isOverride(a)) || a.name.localeCompare(b.name),
    );
}
