import 'server-only';
import type { LagPoint } from '@/lib/schemas/group';

/** 5 s points for an hour per group, for at most 5,000 groups per cluster: memory stays bounded. */
export const SAMPLE_INTERVAL_MS = 5_000;
const IDLE_INTERVAL_MS = 60_000;
const MAX_POINTS = 720;
const MAX_GROUPS = 5_000;
const WATCH_MS = 5 * 60_000;

interface ClusterHistory {
  points: Map<string, LagPoint[]>;
  watchedUntil: number;
  timer: NodeJS.Timeout | null;
  lastSample: number;
}

const store = globalThis as unknown as { __kafkascopeLag?: Map<string, ClusterHistory> };

function history(clusterId: string): ClusterHistory {
  store.__kafkascopeLag ??= new Map();
  let h = store.__kafkascopeLag.get(clusterId);
  if (!h) {
    h = { points: new Map(), watchedUntil: 0, timer: null, lastSample: 0 };
    store.__kafkascopeLag.set(clusterId, h);
  }
  return h;
}

export function recordLag(clusterId: string, groupId: string, point: LagPoint): void {
  const h = history(clusterId);
  let points = h.points.get(groupId);
  if (!points) {
    if (h.points.size >= MAX_GROUPS) return;
    points = [];
    h.points.set(groupId, points);
  }
  const last = points.at(-1);
  if (last && point.t - last.t < SAMPLE_INTERVAL_MS / 2) return; // two page loads in a row add one point
  points.push(point);
  if (points.length > MAX_POINTS) points.splice(0, points.length - MAX_POINTS);
}

export const lagHistory = (clusterId: string, groupId: string): LagPoint[] =>
  history(clusterId).points.get(groupId) ?? [];

/** Forgets groups that no longer exist. */
export function retainGroups(clusterId: string, groupIds: Set<string>): void {
  for (const id of history(clusterId).points.keys())
    if (!groupIds.has(id)) history(clusterId).points.delete(id);
}

/**
 * Samples every group of a cluster in the background: every 5 s while someone looks at groups,
 * every minute otherwise. One sample costs the same for one group or all (batched requests).
 */
export function ensureSampler(clusterId: string, sample: () => Promise<void>, watched: boolean): void {
  const h = history(clusterId);
  if (watched) h.watchedUntil = Date.now() + WATCH_MS;
  if (h.timer) return;
  h.timer = setInterval(() => {
    const interval = Date.now() < h.watchedUntil ? SAMPLE_INTERVAL_MS : IDLE_INTERVAL_MS;
    if (Date.now() - h.lastSample < interval - 500) return;
    h.lastSample = Date.now();
    sample().catch(() => undefined); // a down cluster leaves a gap in the chart, nothing else
  }, SAMPLE_INTERVAL_MS);
  h.timer.unref();
}

export function stopSamplers(): void {
  for (const h of store.__kafkascopeLag?.values() ?? []) if (h.timer) clearInterval(h.timer);
  store.__kafkascopeLag?.clear();
}
