import 'server-only';
import type { LagHealth, LagPoint } from '@/lib/schemas/group';

/** Points over at least this span, with committed offsets frozen and lag growing, mean "stalled". */
const STALL_WINDOW_MS = 30_000;

export function isStalled(points: LagPoint[], now = Date.now()): boolean {
  const recent = points.filter((p) => p.t >= now - 5 * 60_000);
  const last = recent.at(-1);
  if (!last || last.totalLag === 0) return false;
  // The oldest point of the current run of unchanged committed offsets.
  let first = last;
  for (let i = recent.length - 2; i >= 0 && recent[i]!.committed === last.committed; i--) first = recent[i]!;
  return last.t - first.t >= STALL_WINDOW_MS && last.totalLag > first.totalLag;
}

export function groupHealth(args: {
  expiredPartitions: number;
  members: number | null;
  state: string | null;
  totalLag: number | null;
  history: LagPoint[];
}): LagHealth {
  if (args.expiredPartitions > 0) return 'expired';
  if (args.members === 0 || args.state === 'Empty' || args.state === 'Dead') return 'stopped';
  if (args.totalLag === null) return 'unknown';
  if (isStalled(args.history)) return 'stalled';
  return args.totalLag > 0 ? 'lagging' : 'caught_up';
}
