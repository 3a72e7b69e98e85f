import type { Generated } from 'kysely';

/** The store's tables as Kysely sees them (the SQL is in migrations.ts). Times are epoch milliseconds. */
export interface StoreTables {
  kafkascope_migrations: { version: number; name: string; applied_at: number };
  /** Who does the work only one console process may do at a time (sampling, alerting), and until when. */
  leases: { name: string; holder: string; expires_at: number };
  /** One lag series: a group (`topic` '' and `partition` -1), one of its topics (`partition` -1) or a partition. */
  lag_series: {
    id: Generated<number>;
    cluster_id: string;
    group_id: string;
    topic: string;
    partition: number;
  };
  lag_points: {
    series_id: number;
    t: number;
    lag: number;
    committed: number;
    log_end: number;
    /** Age of the oldest unconsumed record; null where it was not read. */
    time_lag_ms: number | null;
  };
  /** Points older than the full-resolution window, folded into fixed buckets. */
  lag_rollups: {
    series_id: number;
    bucket: number;
    lag_min: number;
    lag_max: number;
    lag_last: number;
    time_lag_max: number | null;
    time_lag_last: number | null;
    committed_last: number;
    log_end_last: number;
    points: number;
  };
  /** Progress of periodic work (e.g. the last bucket rolled up), so that it resumes where it stopped. */
  store_marks: { name: string; value: number };
  /**
   * Groups someone looks at: sampled per partition too until `until` (a day after the group's page
   * was last open), and every 5 s instead of every minute until `live_until` (while a page shows it).
   */
  watched_groups: { cluster_id: string; group_id: string; until: number; live_until: Generated<number> };
}
