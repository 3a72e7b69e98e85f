import type { ScanDone, SearchQuery, TailQuery } from '@/lib/schemas/search';

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

export const doneText: Record<ScanDone['reason'], string> = {
  end: 'Reached the end of the range',
  limit: 'Stopped at the maximum number of matches',
  timeout: 'Stopped at the time limit',
  max_messages: 'Stopped at the most messages one scan may read',
  filter_too_costly: 'Stopped: the filter costs too much',
};
