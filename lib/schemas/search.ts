import { z } from 'zod';
import { MessageSchema, PartitionListSchema, payloadFormats } from '@/lib/schemas/message';

/** The most matches one search returns. */
export const SEARCH_MATCHES_MAX = 1000;

/**
 * Search scans a range of a topic on the server and streams what it finds as Server-Sent Events.
 * `q` is plain text looked for in key, value and header values; `filter` is a CEL expression over
 * key, value (strings), headers (map), partition, offset, timestamp (ms), size, and json (the parsed
 * value, or null), e.g. `json.status == "cancelled" && partition == 2`. A value in the schema
 * registry's wire format is decoded first: `json` is then the record and `value` its JSON text.
 */
export const SearchQuerySchema = z.object({
  partitions: PartitionListSchema.optional(),
  start: z.enum(['oldest', 'offset', 'timestamp']).default('oldest'),
  offset: z.coerce.number().int().min(0).optional(),
  timestamp: z.coerce.number().int().min(0).optional(),
  q: z.string().max(1000).default(''),
  filter: z.string().max(4000).default(''),
  /** Stop after this many matches. */
  limit: z.coerce.number().int().min(1).max(SEARCH_MATCHES_MAX).default(100),
  maxBytes: z.coerce.number().int().min(64).max(1_048_576).default(16_384),
  keyFormat: z.enum(payloadFormats).optional(),
  valueFormat: z.enum(payloadFormats).optional(),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const TailQuerySchema = z.object({
  partitions: PartitionListSchema.optional(),
  q: z.string().max(1000).default(''),
  filter: z.string().max(4000).default(''),
  maxBytes: z.coerce.number().int().min(64).max(1_048_576).default(16_384),
  keyFormat: z.enum(payloadFormats).optional(),
  valueFormat: z.enum(payloadFormats).optional(),
});
export type TailQuery = z.infer<typeof TailQuerySchema>;

/** `event: progress` — sent a few times a second while scanning. */
export const ScanProgressSchema = z.object({
  scanned: z.number(),
  matched: z.number(),
  bytes: z.number(),
  /** Next offset to read, per partition. */
  positions: z.record(z.string(), z.number()),
  /** The end of the range, per partition (high watermarks when the search started); absent for tail. */
  ends: z.record(z.string(), z.number()).optional(),
});
export type ScanProgress = z.infer<typeof ScanProgressSchema>;

/** `event: messages` — a batch of matches (throttled for the browser). */
export const ScanMessagesSchema = z.object({ messages: z.array(MessageSchema) });

/** `event: notice` — partitions that cannot be read; the others go on. */
export const ScanNoticeSchema = z.object({
  unavailable: z.array(z.object({ partition: z.number(), reason: z.string() })),
});

/** `event: done` — why the stream ended. `event: error` carries { code, message } like the JSON errors. */
export const ScanDoneSchema = z.object({
  /** `filter_too_costly`: the filter went past its cost or time bound (`message` says which). */
  reason: z.enum(['end', 'limit', 'timeout', 'max_messages', 'filter_too_costly']),
  scanned: z.number(),
  matched: z.number(),
  elapsedMs: z.number(),
  message: z.string().optional(),
});
export type ScanDone = z.infer<typeof ScanDoneSchema>;
