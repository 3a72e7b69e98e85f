import { parseDecoder, type Decoder } from '@/lib/decode/payload';
import {
  MessageQuerySchema,
  messageStarts,
  type MessageList,
  type MessageQuery,
} from '@/lib/schemas/message';

/** The message browser's settings as kept in the address of the topic's messages tab. */
export interface BrowseSettings {
  query: MessageQuery;
  keyAs: Decoder;
  valueAs: Decoder;
}

export const defaultLimit = 100;
const defaults = MessageQuerySchema.parse({});

/** Reads each setting on its own, so one bad value falls back to its default instead of the whole browse. */
export function parseBrowseSearch(search: URLSearchParams): BrowseSettings {
  const whole = (key: string, min: number, max: number) => {
    const raw = search.get(key);
    if (raw === null || !/^\d+$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };
  const partitions = search.get('partitions') ?? undefined;
  let start = messageStarts.find((s) => s === search.get('start')) ?? defaults.start;
  const offset = whole('offset', 0, Number.MAX_SAFE_INTEGER);
  const timestamp = whole('timestamp', 0, Number.MAX_SAFE_INTEGER);
  if ((start === 'offset' && offset === undefined) || (start === 'timestamp' && timestamp === undefined)) {
    start = defaults.start;
  }
  const query: MessageQuery = {
    start,
    limit: whole('limit', 1, 500) ?? defaultLimit,
    maxBytes: defaults.maxBytes,
  };
  if (partitions && /^\d+(,\d+)*$/.test(partitions)) query.partitions = partitions;
  if (start === 'offset') query.offset = offset;
  if (start === 'timestamp') query.timestamp = timestamp;
  return { query, keyAs: parseDecoder(search.get('keyAs')), valueAs: parseDecoder(search.get('valueAs')) };
}

/** Address settings for a browse position; null clears a setting (back to its default). */
export type BrowsePatch = Record<'partitions' | 'start' | 'offset' | 'timestamp', string | number | null>;

export function positionPatch(
  start: MessageQuery['start'],
  at?: { offset?: number; timestamp?: number },
): Omit<BrowsePatch, 'partitions'> {
  return {
    start: start === 'newest' ? null : start,
    offset: start === 'offset' ? (at?.offset ?? 0) : null,
    timestamp: start === 'timestamp' ? (at?.timestamp ?? Date.now()) : null,
  };
}

/**
 * The positions of the previous ("older") and next ("newer") pages, null when there is none.
 *
 * The API takes one start for every partition read. With a single partition that start is exact: newer
 * reads from `next`, older from `from - limit` (so a page may overlap the low watermark's side). With
 * several partitions no single offset fits them all, so paging goes by time: newer starts just after the
 * newest message shown; older starts one page's time span before the oldest message shown — an
 * approximation that may repeat or skip messages when the partitions' rates differ a lot. Pages after the
 * first read forward, so they list oldest first.
 */
export function pagePositions(list: MessageList, query: MessageQuery) {
  const parts = list.partitions;
  const hasOlder = parts.some((p) => p.from > p.lowWatermark);
  // A newest-first page is the newest already: what it leaves unshown of a partition is older than the cut.
  const hasNewer = query.start !== 'newest' && parts.some((p) => p.next < p.highWatermark);
  const single = parts.length === 1 && list.unavailable.length === 0 ? parts[0] : undefined;
  if (single) {
    return {
      older: hasOlder
        ? positionPatch('offset', { offset: Math.max(single.lowWatermark, single.from - query.limit) })
        : null,
      newer: hasNewer ? positionPatch('offset', { offset: single.next }) : null,
    };
  }
  const times = list.messages.map((m) => m.timestamp);
  if (times.length === 0) return { older: null, newer: null };
  const oldest = Math.min(...times);
  const newest = Math.max(...times);
  const span = Math.max(1, newest - oldest + 1);
  return {
    older: hasOlder ? positionPatch('timestamp', { timestamp: Math.max(0, oldest - span) }) : null,
    newer: hasNewer ? positionPatch('timestamp', { timestamp: newest + 1 }) : null,
  };
}
