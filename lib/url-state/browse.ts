import { serverFormat } from '@/lib/decode/payload';
import { defineView } from '@/lib/url-state/core';
import { decoderParam, digits, partitionsParam, settlePosition } from '@/lib/url-state/params';
import {
  MessageQuerySchema,
  messageStarts,
  type MessageList,
  type MessageQuery,
} from '@/lib/schemas/message';

const api = MessageQuerySchema.shape;

/** The message browser (the topic's Messages tab, `mode` absent): a page of messages at a position. */
export const browseView = defineView(
  {
    partitions: partitionsParam,
    start: api.start,
    offset: digits(api.offset),
    timestamp: digits(api.timestamp),
    limit: digits(api.limit),
    keyAs: decoderParam,
    valueAs: decoderParam,
  },
  (values) => settlePosition(values, messageStarts, 'newest'),
);
export type BrowseState = typeof browseView.defaults;

const maxBytes = api.maxBytes.parse(undefined);

/** The messages API's query for a browse. */
export function browseQuery(state: BrowseState): MessageQuery {
  const { partitions, start, offset, timestamp, limit } = state;
  const query: MessageQuery = { start, limit, maxBytes };
  // Keys and values are decoded by the server when they are in the registry's wire format; an explicit
  // schema format is asked for as such (the other decoders read the raw bytes in the browser).
  const keyFormat = serverFormat(state.keyAs);
  const valueFormat = serverFormat(state.valueAs);
  if (keyFormat) query.keyFormat = keyFormat;
  if (valueFormat) query.valueFormat = valueFormat;
  if (partitions) query.partitions = partitions.join(',');
  if (start === 'offset') query.offset = offset;
  if (start === 'timestamp') query.timestamp = timestamp;
  return query;
}

/** A patch of the address for a start, with its offset or time (0 and now when not given); other positions cleared. */
export function positionPatch<S extends MessageQuery['start']>(
  start: S,
  at?: { offset?: number; timestamp?: number },
): { start: S; offset: number | undefined; timestamp: number | undefined } {
  return {
    start,
    offset: start === 'offset' ? (at?.offset ?? 0) : undefined,
    timestamp: start === 'timestamp' ? (at?.timestamp ?? Date.now()) : undefined,
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
