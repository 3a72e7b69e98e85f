import 'server-only';
import type { LagPoint } from '@/lib/schemas/group';

/** 5 s points for an hour per group, for at most 5,000 groups per cluster: memory stays bounded. */
export const SAMPLE_INTERVAL_MS = 5_000;
const IDLE_INTERVAL_MS = 60_000;
const MAX_POINTS = 720;
const MAX_GROUPS = 5_000;

interface ClusterHistory {
  points: Map<string, LagPoint[]>;
  timer: NodeJS.Timeout | null;
  /** When every group was last sampled (a page reading the shared snapshot does that too). */
  lastFullSample: number;
}

const store = globalThis as unknown as { __kafkascopeLag?: Map<string, ClusterHistory> };

function history(clusterId: string): ClusterHistory {
  store.__kafkascopeLag ??= new Map();
  let h = store.__kafkascopeLag.get(clusterId);
  if (!h) {
    h = { points: new Map(), timer: null, lastFullSample: 0 };
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

/** Forgets groups that no longer exist; called with every group's sample. */
export function retainGroups(clusterId: string, groupIds: Set<string>): void {
  history(clusterId).lastFullSample = Date.now();
  for (const id of history(clusterId).points.keys())
    if (!groupIds.has(id)) history(clusterId).points.delete(id);
}

/**
 * Samples every group of a cluster in the background, every minute, from the first groups view on:
 * one sample costs the same for one group or all (batched requests). While a page shows groups they
 * are read (and their lag recorded) every 5 s anyway; a sample a minute adds nothing then.
 */
export function ensureSampler(clusterId: string, sample: () => Promise<void>): void {
  const h = history(clusterId);
  if (h.timer) return;
  h.timer = setInterval(() => {
    if (Date.now() - h.lastFullSample < IDLE_INTERVAL_MS - 500) return;
    sample().catch(() => undefined); // a down cluster leaves a gap in the chart, nothing else
  }, IDLE_INTERVAL_MS);
  h.timer.unref();
}

export function stopSamplers(): void {
  for (const h of store.__kafkascopeLag?.values() ?? []) if (h.timer) clearInterval(h.timer);
  store.__kafkascopeLag?.clear();
}
