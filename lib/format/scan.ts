import type { ScanDone, ScanProgress, SearchQuery, TailQuery } from '@/lib/schemas/search';

/** Search settings kept in the address: partitions and the start position are shared with browsing. */
export interface SearchSettings {
  partitions?: string;
  start: SearchQuery['start'];
  offset?: number;
  timestamp?: number;
  q: string;
  filter: string;
  /** Max matches (`limit` of the API; `max` in the address, as browse's `limit` means a page size). */
  limit: number;
}

export const defaultMaxMatches = 100;
export const maxMatchesCap = 1000;

export function parseSearchSettings(search: URLSearchParams): SearchSettings {
  const whole = (key: string) => {
    const raw = search.get(key);
    return raw !== null && /^\d+$/.test(raw) && Number(raw) <= Number.MAX_SAFE_INTEGER
      ? Number(raw)
      : undefined;
  };
  const partitions = search.get('partitions');
  const offset = whole('offset');
  const timestamp = whole('timestamp');
  let start: SearchQuery['start'] = 'oldest';
  if (search.get('start') === 'offset' && offset !== undefined) start = 'offset';
  if (search.get('start') === 'timestamp' && timestamp !== undefined) start = 'timestamp';
  const max = whole('max');
  const settings: SearchSettings = {
    start,
    q: search.get('q') ?? '',
    filter: search.get('filter') ?? '',
    limit: max !== undefined && max >= 1 ? Math.min(maxMatchesCap, max) : defaultMaxMatches,
  };
  if (partitions && /^\d+(,\d+)*$/.test(partitions)) settings.partitions = partitions;
  if (start === 'offset') settings.offset = offset;
  if (start === 'timestamp') settings.timestamp = timestamp;
  return settings;
}

/** The search API's query for settings: empty text and filters left out. */
export function searchQuery(s: SearchSettings): Partial<Record<keyof SearchQuery, string | number>> {
  return {
    partitions: s.partitions,
    start: s.start,
    offset: s.start === 'offset' ? s.offset : undefined,
    timestamp: s.start === 'timestamp' ? s.timestamp : undefined,
    q: s.q.trim() || undefined,
    filter: s.filter.trim() || undefined,
    limit: s.limit,
  };
}

export function tailQuery(s: {
  partitions?: string;
  q: string;
  filter: string;
}): Partial<Record<keyof TailQuery, string>> {
  return { partitions: s.partitions, q: s.q.trim() || undefined, filter: s.filter.trim() || undefined };
}

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

export const doneText: Record<ScanDone['reason'], string> = {
  end: 'Reached the end of the range',
  limit: 'Stopped at the maximum number of matches',
  timeout: 'Stopped at the time limit',
  max_messages: 'Stopped at the most messages one scan may read',
  filter_too_costly: 'Stopped: the filter costs too much',
};

/** Appends a batch to a capped list, dropping the oldest entries (kept at the end when `newestFirst`). */
export function capped<T>(list: T[], batch: T[], cap: number, newestFirst: boolean): T[] {
  if (newestFirst) return [...[...batch].reverse(), ...list].slice(0, cap);
  const next = [...list, ...batch];
  return next.length > cap ? next.slice(next.length - cap) : next;
}
