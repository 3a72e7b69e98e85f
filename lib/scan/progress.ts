import type { ScanProgress } from '@/lib/schemas/search';

/**
 * How far a scan has come: messages scanned and the total to scan, when the ends are known. The total is
 * scanned + what is left before each partition's end, so it needs no start positions; offsets missing
 * from a compacted log make it a slight overestimate, settled when the scan finishes.
 */
export function scanExtent(progress: ScanProgress | null): { scanned: number; total: number | null } {
  if (!progress) return { scanned: 0, total: null };
  if (!progress.ends) return { scanned: progress.scanned, total: null };
  let left = 0;
  for (const [partition, end] of Object.entries(progress.ends)) {
    const position = progress.positions[partition];
    if (position !== undefined) left += Math.max(0, end - position);
  }
  return { scanned: progress.scanned, total: progress.scanned + left };
}

/** Appends a batch to a capped list, dropping the oldest entries (kept at the end when `newestFirst`). */
export function capped<T>(list: T[], batch: T[], cap: number, newestFirst: boolean): T[] {
  if (newestFirst) return [...[...batch].reverse(), ...list].slice(0, cap);
  const next = [...list, ...batch];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
