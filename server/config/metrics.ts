import 'server-only';
import { ConfigError } from '@/server/config/clusters';

type Env = Record<string, string | undefined>;

export interface LagMetricsSettings {
  /** Per-partition series (offsets, lag, time lag, watermarks) beside the per-group and per-topic ones. */
  partitions: boolean;
  /** The most consumer-lag series one scrape exports, all clusters together; 0 turns them off. */
  maxSeries: number;
}

export const DEFAULT_LAG_MAX_SERIES = 10_000;
const MAX_LAG_MAX_SERIES = 1_000_000;

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no', ''].includes(raw)) return false;
  throw new ConfigError(`${name}: expected true or false`);
}

function count(env: Env, name: string, fallback: number): number {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > MAX_LAG_MAX_SERIES)
    throw new ConfigError(`${name}: expected a whole number from 0 to ${MAX_LAG_MAX_SERIES}`);
  return value;
}

/** The consumer-lag metrics of /api/metrics: KAFKASCOPE_METRICS_LAG_PARTITIONS, KAFKASCOPE_METRICS_LAG_MAX_SERIES. */
export function loadLagMetricsSettings(env: Env = process.env): LagMetricsSettings {
  return {
    partitions: flag(env, 'KAFKASCOPE_METRICS_LAG_PARTITIONS'),
    maxSeries: count(env, 'KAFKASCOPE_METRICS_LAG_MAX_SERIES', DEFAULT_LAG_MAX_SERIES),
  };
}

const cache = globalThis as unknown as { __kafkascopeLagMetrics?: LagMetricsSettings };

export function lagMetricsSettings(): LagMetricsSettings {
  cache.__kafkascopeLagMetrics ??= loadLagMetricsSettings();
  return cache.__kafkascopeLagMetrics;
}
