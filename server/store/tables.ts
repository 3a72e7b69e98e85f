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
  /** Rules made in the UI (config rules live in the config); `spec` is the RuleSpec as JSON. */
  alert_rules: {
    id: string;
    name: string;
    spec: string;
    created_at: number;
    updated_at: number;
    updated_by: string;
  };
  /** Channels made in the UI; `settings` is JSON without the secret, which stays in its own column. */
  alert_channels: {
    name: string;
    type: string;
    settings: string;
    secret: string | null;
    created_at: number;
    updated_at: number;
    updated_by: string;
  };
  /** A (rule, cluster, subject) that is not ok. Gone when it is ok again (its resolve is in alert_events). */
  alert_states: {
    rule_id: string;
    cluster_id: string;
    subject: string;
    status: 'pending' | 'firing';
    since: number;
    fired_at: number | null;
    value: number | null;
    threshold: number | null;
    detail: string | null;
    /** 1 when the firing was notified (not silenced), so that its resolve is notified too. */
    notified: number;
    updated_at: number;
  };
  /** Every firing and resolve; unique per (rule, cluster, subject, state, started_at), so no transition is written twice. */
  alert_events: {
    id: Generated<number>;
    rule_id: string;
    rule_name: string;
    kind: string;
    cluster_id: string;
    subject: string;
    state: 'firing' | 'resolved';
    severity: string;
    value: number | null;
    threshold: number | null;
    detail: string | null;
    started_at: number;
    at: number;
    silenced: number;
  };
  /** One notification of one event to one channel, written with its event and sent after. */
  alert_deliveries: {
    id: Generated<number>;
    event_id: number;
    channel: string;
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    /** When it may be tried (again); a sender claims it by moving this past its own time-out. */
    next_at: number;
    last_error: string | null;
    delivered_at: number | null;
  };
  alert_silences: {
    id: Generated<number>;
    rule_id: string;
    /** '' for every cluster, every subject. */
    cluster_id: string;
    subject: string;
    until: number;
    created_by: string;
    created_at: number;
    comment: string;
  };
}
