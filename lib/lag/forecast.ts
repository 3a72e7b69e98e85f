/**
 * Where a consumer is heading at its current pace: when it catches up, and when retention will
 * delete the next record it has not read. Pure functions over two moments of a partition (or a
 * group's sums): rates are differences over the window between them.
 */

export interface Moment {
  t: number;
  committed: number;
  logEnd: number;
}

export interface Rates {
  /** Records per second the consumer commits past, and producers append. */
  consume: number;
  produce: number;
  windowMs: number;
}

/** Rates need at least this much time between the two moments to mean anything. */
export const MIN_WINDOW_MS = 30_000;

/** Rates over the window from the first to the last moment; null when too short or reset (offsets went back). */
export function ratesOf(moments: Moment[]): Rates | null {
  if (moments.length < 2) return null;
  const first = moments[0]!;
  const last = moments.at(-1)!;
  const windowMs = last.t - first.t;
  if (windowMs < MIN_WINDOW_MS) return null;
  const consumed = last.committed - first.committed;
  const produced = last.logEnd - first.logEnd;
  if (consumed < 0 || produced < 0) return null;
  return { consume: (consumed * 1000) / windowMs, produce: (produced * 1000) / windowMs, windowMs };
}

export type CatchUp =
  | { state: 'caught_up' }
  | { state: 'catching_up'; inMs: number }
  /** Consuming, but slower than producers: the lag grows. */
  | { state: 'falling_behind' }
  /** Not consuming at all while behind. */
  | { state: 'not_consuming' }
  | { state: 'unknown' };

export function catchUp(lag: number | null, rates: Rates | null): CatchUp {
  if (lag === 0) return { state: 'caught_up' };
  if (lag === null || !rates) return { state: 'unknown' };
  if (rates.consume === 0) return { state: 'not_consuming' };
  const net = rates.consume - rates.produce;
  if (net <= 0) return { state: 'falling_behind' };
  return { state: 'catching_up', inMs: Math.round((lag / net) * 1000) };
}

/**
 * A group catches up when its slowest partition does: skew counts, so the group's answer is its
 * worst partition's (one that never catches up makes the group never catch up).
 */
export function groupCatchUp(partitions: CatchUp[]): CatchUp {
  if (partitions.length === 0) return { state: 'unknown' };
  const rank = { not_consuming: 5, falling_behind: 4, unknown: 3, catching_up: 2, caught_up: 1 } as const;
  let worst: CatchUp = { state: 'caught_up' };
  for (const p of partitions) {
    if (rank[p.state] > rank[worst.state]) worst = p;
    else if (p.state === 'catching_up' && worst.state === 'catching_up' && p.inMs > worst.inMs) worst = p;
  }
  return worst;
}

export interface Retention {
  /** retention.ms of the topic; null when unlimited (-1) or compact-only. */
  ms: number | null;
  /** retention.bytes per partition; null when unlimited (-1). */
  bytes: number | null;
}

export type Loss =
  | { state: 'safe' }
  /** Retention will delete unread records in about `inMs`, by time or by size. */
  | { state: 'at_risk'; inMs: number; by: 'time' | 'size' }
  | { state: 'unknown' };

/**
 * When retention deletes the next unread record at current rates. By time: that record is
 * `timeLagMs` old and goes once it is `retention.ms` old; as the consumer reads on, the next record
 * is younger, so its age grows at 1 - consume/produce per second (producers spread records over
 * time at their rate). By size: the partition keeps about `retention.bytes`, i.e. that many bytes'
 * worth of records (at the partition's mean record size); the unread backlog grows at
 * produce - consume records a second until it no longer fits. Deletion is per segment, so the real
 * moment comes later by up to a segment: the estimate errs early.
 */
export function dataLoss(args: {
  lag: number | null;
  timeLagMs: number | null;
  rates: Rates | null;
  retention: Retention;
  /** Mean bytes per record in the partition (size / records), when known. */
  recordBytes: number | null;
}): Loss {
  const { lag, timeLagMs, rates, retention } = args;
  if (lag === 0) return { state: 'safe' };
  if (lag === null || !rates) return { state: 'unknown' };
  const candidates: { inMs: number; by: 'time' | 'size' }[] = [];
  if (retention.ms !== null) {
    if (timeLagMs === null) return { state: 'unknown' };
    const ageing = rates.produce > 0 ? 1 - rates.consume / rates.produce : rates.consume > 0 ? -1 : 1;
    if (ageing > 0) candidates.push({ inMs: Math.max(0, (retention.ms - timeLagMs) / ageing), by: 'time' });
  }
  if (retention.bytes !== null && args.recordBytes && args.recordBytes > 0) {
    const fits = retention.bytes / args.recordBytes;
    const growth = rates.produce - rates.consume;
    if (growth > 0) candidates.push({ inMs: Math.max(0, ((fits - lag) / growth) * 1000), by: 'size' });
  }
  if (candidates.length === 0) return { state: 'safe' };
  const soonest = candidates.reduce((a, b) => (b.inMs < a.inMs ? b : a));
  return { state: 'at_risk', inMs: Math.round(soonest.inMs), by: soonest.by };
}

/** The group loses data when its first partition does. */
export function groupDataLoss(partitions: Loss[]): Loss {
  const atRisk = partitions.filter((p): p is Extract<Loss, { state: 'at_risk' }> => p.state === 'at_risk');
  if (atRisk.length) return atRisk.reduce((a, b) => (b.inMs < a.inMs ? b : a));
  if (partitions.some((p) => p.state === 'unknown')) return { state: 'unknown' };
  return { state: 'safe' };
}
