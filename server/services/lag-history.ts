import 'server-only';
import type { LagPoint } from '@/lib/schemas/group';

/**
 * The last hour of each group's lag in memory, for its health (stalled or not) without a store
 * round trip: 5 s points for an hour per group, for at most 5,000 groups per cluster, so memory
 * stays bounded. The charts read the store (lag-charts.ts).
 */
export const SAMPLE_INTERVAL_MS = 5_000;
const MAX_POINTS = 720;
const MAX_GROUPS = 5_000;

interface ClusterHistory {
  points: Map<string, LagPoint[]>;
}

const store = globalThis as unknown as { __kafkascopeLag?: Map<string, ClusterHistory> };

function history(clusterId: string): ClusterHistory {
  store.__kafkascopeLag ??= new Map();
  let h = store.__kafkascopeLag.get(clusterId);
  if (!h) {
    h = { points: new Map() };
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
  for (const id of history(clusterId).points.keys())
    if (!groupIds.has(id)) history(clusterId).points.delete(id);
}

export function stopSamplers(): void {
  store.__kafkascopeLag?.clear();
}
