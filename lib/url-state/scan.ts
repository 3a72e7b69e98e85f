import { serverFormat } from '@/lib/decode/payload';
import { z } from 'zod';
import { defineView } from '@/lib/url-state/core';
import { decoderParam, digits, partitionsParam, settlePosition } from '@/lib/url-state/params';
import { MessageQuerySchema } from '@/lib/schemas/message';
import {
  SEARCH_MATCHES_MAX,
  SearchQuerySchema,
  TailQuerySchema,
  type SearchQuery,
  type TailQuery,
} from '@/lib/schemas/search';

const api = SearchQuerySchema.shape;
const searchStarts = api.start.unwrap().options;

/**
 * Search (`mode=search`): partitions and the start position are the browser's params, so a start is
 * read as browsing reads it (absent: newest, which a search reads as oldest) and one chosen here stays
 * when going back to browsing. The most matches is `max` (browse's `limit` is a page size); more than
 * the API allows asks for as many as it allows.
 */
export const searchView = defineView(
  {
    partitions: partitionsParam,
    start: MessageQuerySchema.shape.start,
    offset: digits(api.offset),
    timestamp: digits(api.timestamp),
    q: api.q,
    filter: api.filter,
    max: digits(
      z.coerce
        .number()
        .int()
        .min(1)
        .transform((n) => Math.min(n, SEARCH_MATCHES_MAX))
        .default(api.limit.parse(undefined)),
    ),
    keyAs: decoderParam,
    valueAs: decoderParam,
  },
  (values) => settlePosition(values, searchStarts, 'oldest'),
);
export type SearchState = typeof searchView.defaults;

/** Live tail (`mode=tail`): the partitions, and the text and filter it starts with. */
export const tailView = defineView({
  partitions: partitionsParam,
  q: TailQuerySchema.shape.q,
  filter: TailQuerySchema.shape.filter,
  keyAs: decoderParam,
  valueAs: decoderParam,
});
export type TailState = typeof tailView.defaults;

type Query<K extends string> = Partial<Record<K, string | number>>;

/** The search API's query for a search: blank text and filter left out. */
export function searchQuery(
  s: Omit<SearchState, 'keyAs' | 'valueAs'> & Partial<Pick<SearchState, 'keyAs' | 'valueAs'>>,
): Query<keyof SearchQuery> {
  const { partitions, q, filter, keyFormat, valueFormat } = tailQuery(s);
  const offset = s.start === 'offset' ? s.offset : undefined;
  const timestamp = s.start === 'timestamp' ? s.timestamp : undefined;
  return { partitions, start: s.start, offset, timestamp, q, filter, limit: s.max, keyFormat, valueFormat };
}

/** The tail API's query: blank text and filter left out. */
export function tailQuery(
  s: Pick<TailState, 'partitions' | 'q' | 'filter'> & Partial<Pick<TailState, 'keyAs' | 'valueAs'>>,
): Query<keyof TailQuery> {
  return {
    partitions: s.partitions?.join(','),
    q: s.q.trim() || undefined,
    filter: s.filter.trim() || undefined,
    // An explicit schema format is decoded as such by the server (and filtered decoded).
    keyFormat: s.keyAs ? serverFormat(s.keyAs) : undefined,
    valueFormat: s.valueAs ? serverFormat(s.valueAs) : undefined,
  };
}
