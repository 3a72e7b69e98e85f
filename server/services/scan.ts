import 'server-only';
import type { Message } from '@/lib/schemas/message';
import type { ScanDone, SearchQuery, TailQuery } from '@/lib/schemas/search';
import type { ClusterConfig } from '@/server/config/schema';
import { asAppError } from '@/server/http/app-error';
import type { SseChannel } from '@/server/http/sse';
import { kafka } from '@/server/kafka';
import { FilterTooCostlyError } from '@/server/services/filter-budget';
import { compileFilter } from '@/server/services/message-filter';
import { RecordSchemas } from '@/server/services/record-schemas';
import {
  openRange,
  readRoundDeferred,
  rerouteOrDrop,
  toMessage,
  type Cursor,
  type Range,
} from '@/server/services/read-range';

/** Bounds: a search never runs longer than this; a tail stops after this long or this many messages. */
const SEARCH_TIMEOUT_MS = 120_000;
const TAIL_TIMEOUT_MS = 10 * 60_000;
const TAIL_MAX_MESSAGES = 10_000;
const FLUSH_MS = 250;
/** Matches are sent at once when they add up to this, and the scan waits for a slow browser. */
const BATCH_BYTES = 262_144;
/**
 * A fetch brings up to a megabyte of records, and a filter may take a while on each: the scan lets
 * other requests run after this long on the thread, and checks its time bound and the browser as
 * it does.
 */
const SLICE_MS = 50;
/**
 * What one round reads: up to a megabyte per partition, and at most two from each leader however
 * many partitions it leads, so a round of a topic of a hundred partitions holds no more than one
 * of six. Kafka fills a request's partitions in their order, so each round starts one further on.
 */
const FETCH_BYTES = { perPartition: 1_048_576, perLeader: 2_097_152 };

/**
 * Streams one scan: reads every cursor forward in rounds (one Fetch per leader per round), filters
 * records, and sends matches in batches with progress, until the cursors reach their ends, enough
 * matches, the time bound, or the browser leaves.
 */
async function scan(
  channel: SseChannel,
  args: {
    cluster: ClusterConfig;
    topic: string;
    cursors: Map<number, Cursor>;
    filter: ReturnType<typeof compileFilter>;
    schemas: RecordSchemas;
    maxBytes: number;
    limit: number;
    timeoutMs: number;
    follow: boolean;
  },
): Promise<void> {
  const gateway = kafka(args.cluster);
  const started = Date.now();
  let scanned = 0;
  let matched = 0;
  let bytes = 0;
  let batch: Message[] = [];
  let batchBytes = 0;
  let lastFlush = 0;
  const ends = args.follow ? undefined : Object.fromEntries([...args.cursors].map(([p, c]) => [p, c.end]));
  const flush = (force = false) => {
    if (!force && Date.now() - lastFlush < FLUSH_MS) return;
    lastFlush = Date.now();
    if (batch.length) channel.send('messages', { messages: batch });
    batch = [];
    batchBytes = 0;
    const positions = Object.fromEntries([...args.cursors].map(([p, c]) => [p, c.position]));
    channel.send('progress', { scanned, matched, bytes, positions, ends });
  };
  const finish = (reason: ScanDone['reason'], message?: string) => {
    flush(true);
    channel.send('done', { reason, scanned, matched, elapsedMs: Date.now() - started, message });
  };

  /**
   * Waits while the browser has much unread, so that a slow reader holds a bounded queue on the
   * server rather than every match; never past the time bound. False when the scan must stop.
   */
  async function drained(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise(
      (r) => (timer = setTimeout(r, Math.max(0, args.timeoutMs - (Date.now() - started)))),
    );
    await Promise.race([channel.drained?.(), bound]);
    clearTimeout(timer);
    return !channel.signal.aborted;
  }

  let round = 0;
  let sliceStarted = Date.now();
  /** False when the scan must stop now (the browser left, or its time is up and it finished). */
  async function shareThread(): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    sliceStarted = Date.now();
    if (channel.signal.aborted) return false;
    if (Date.now() - started > args.timeoutMs) {
      finish('timeout');
      return false;
    }
    return true;
  }

  try {
    await loop();
  } catch (error) {
    // The matches so far stand, as at the time bound; the reason names the limit and the message.
    if (error instanceof FilterTooCostlyError) return finish('filter_too_costly', error.message);
    const appError = asAppError(error);
    channel.send('error', { code: appError.code, message: appError.message });
  }

  async function loop(): Promise<void> {
    while (!channel.signal.aborted) {
      if (Date.now() - started > args.timeoutMs) return finish('timeout');
      const active = [...args.cursors].filter(([, c]) => args.follow || c.position < c.end);
      if (active.length === 0) return finish('end');
      const first = round++ % active.length;
      const { read, failed } = await readRoundDeferred(
        gateway,
        args.topic,
        [...active.slice(first), ...active.slice(0, first)],
        FETCH_BYTES,
      );
      let progressed = false;
      const positionBefore = new Map(active.map(([p, c]) => [p, c.position]));
      for (const [partition] of active) {
        const deferred = read.get(partition);
        if (!deferred) continue;
        // Decoded one partition at a time, and dropped before the next (see fetchDeferred).
        const result = await deferred.decode();
        if (result.error !== null) {
          failed.push({ partition, reason: result.error });
          continue;
        }
        const cursor = args.cursors.get(partition)!;
        // The schema ids of this batch, looked up before the loop (a lookup per id, cached).
        await args.schemas.prepare(result.records);
        for (const record of result.records) {
          // Awaited only once a slice is used up: an await per record would cost the scan rate.
          if (Date.now() - sliceStarted >= SLICE_MS && !(await shareThread())) return;
          const offset = record.offset;
          if (offset < cursor.position || (!args.follow && offset >= cursor.end)) continue;
          cursor.position = offset + 1;
          scanned += 1;
          bytes += (record.value?.length ?? 0) + (record.key?.length ?? 0);
          if (args.filter(partition, record)) {
            matched += 1;
            const message = toMessage(partition, record, args.maxBytes, args.schemas);
            batch.push(message);
            batchBytes += payloadBytes(message);
            if (matched >= args.limit) return finish(args.follow ? 'max_messages' : 'limit');
            if (batchBytes >= BATCH_BYTES) {
              flush(true);
              if (!(await drained())) return;
            }
          }
        }
        // Transaction markers and compacted gaps hold offsets without messages: step over them too.
        if (result.nextOffset !== null && result.nextOffset > cursor.position) {
          cursor.position = args.follow ? result.nextOffset : Math.min(cursor.end, result.nextOffset);
        }
        if (cursor.position !== positionBefore.get(partition)) progressed = true;
      }
      const unavailable = await rerouteOrDrop(args.cluster, args.topic, args.cursors, failed);
      if (unavailable.length) channel.send('notice', { unavailable });
      flush();
      if (!(await drained())) return;
      if (!progressed) await new Promise((r) => setTimeout(r, args.follow ? 500 : 50));
    }
  }
}

/** About the bytes a message takes in the stream: its payloads (base64) and header values. */
function payloadBytes(message: Message): number {
  let bytes = (message.key.base64?.length ?? 0) + (message.value.base64?.length ?? 0);
  for (const h of message.headers) bytes += h.key.length + (h.value.base64?.length ?? 0);
  return bytes;
}

type Stream = (channel: SseChannel) => Promise<void>;

/** Sends the partitions a range cannot read, then scans it. */
function streamOf(
  cluster: ClusterConfig,
  range: Range,
  filter: ReturnType<typeof compileFilter>,
  schemas: RecordSchemas,
  options: { maxBytes: number; limit: number; timeoutMs: number; follow: boolean },
): Stream {
  return async (channel) => {
    if (range.unavailable.length) channel.send('notice', { unavailable: range.unavailable });
    await scan(channel, {
      cluster,
      topic: range.topic.name,
      cursors: range.cursors,
      filter,
      schemas,
      ...options,
    });
  };
}

/** Validates the query and positions the cursors first, so bad input is a 4xx before any stream starts. */
export async function searchStream(
  cluster: ClusterConfig,
  topicName: string,
  query: SearchQuery,
): Promise<Stream> {
  const schemas = new RecordSchemas(cluster, topicName, {
    key: query.keyFormat ?? 'auto',
    value: query.valueFormat ?? 'auto',
  });
  const filter = compileFilter(query.q, query.filter, schemas);
  const range = await openRange(cluster, topicName, query.partitions, query);
  return streamOf(cluster, range, filter, schemas, {
    maxBytes: query.maxBytes,
    limit: query.limit,
    timeoutMs: SEARCH_TIMEOUT_MS,
    follow: false,
  });
}

export async function tailStream(
  cluster: ClusterConfig,
  topicName: string,
  query: TailQuery,
): Promise<Stream> {
  const schemas = new RecordSchemas(cluster, topicName, {
    key: query.keyFormat ?? 'auto',
    value: query.valueFormat ?? 'auto',
  });
  const filter = compileFilter(query.q, query.filter, schemas);
  const range = await openRange(cluster, topicName, query.partitions, { start: 'end' });
  return streamOf(cluster, range, filter, schemas, {
    maxBytes: query.maxBytes,
    limit: TAIL_MAX_MESSAGES,
    timeoutMs: TAIL_TIMEOUT_MS,
    follow: true,
  });
}
