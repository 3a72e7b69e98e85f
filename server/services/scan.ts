import 'server-only';
import type { Message } from '@/lib/schemas/message';
import type { ScanDone, SearchQuery, TailQuery } from '@/lib/schemas/search';
import type { ClusterConfig } from '@/server/config/schema';
import type { SseChannel } from '@/server/http/sse';
import { toAppError } from '@/server/kafka/errors';
import { fetchFrom } from '@/server/kafka/fetch';
import { clientsFor, connected } from '@/server/kafka/registry';
import { withTimeout } from '@/server/kafka/timeout';
import { fetchOffsetsForTime, fetchWatermarks, partitionKey } from '@/server/kafka/watermarks';
import { FilterTooCostlyError } from '@/server/services/filter-budget';
import { compileFilter } from '@/server/services/message-filter';
import { choosePartitions, toMessage, topicMeta } from '@/server/services/messages';

/** Bounds: a search never runs longer than this; a tail stops after this long or this many messages. */
export const SEARCH_TIMEOUT_MS = 120_000;
export const TAIL_TIMEOUT_MS = 10 * 60_000;
export const TAIL_MAX_MESSAGES = 10_000;
const FLUSH_MS = 250;
/**
 * A fetch brings up to a megabyte of records, and a filter may take a while on each: the scan lets
 * other requests run after this long on the thread, and checks its time bound and the browser as
 * it does.
 */
const SLICE_MS = 50;
const FETCH_BYTES = 1_048_576;

interface Cursor {
  leader: number;
  position: number;
  end: number;
}

async function prepare(cluster: ClusterConfig, topicName: string, partitions: string | undefined) {
  const topic = await topicMeta(cluster, topicName);
  const metas = choosePartitions(topic, partitions);
  const clients = await connected(clientsFor(cluster));
  const marks = (
    await withTimeout(
      fetchWatermarks(clients, [{ ...topic, partitions: metas }]),
      cluster.requestTimeoutMs,
      'ListOffsets',
    )
  ).offsets;
  return { topic, metas, clients, marks };
}

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
    maxBytes: number;
    limit: number;
    timeoutMs: number;
    follow: boolean;
    clients: Awaited<ReturnType<typeof prepare>>['clients'];
  },
): Promise<void> {
  const started = Date.now();
  let scanned = 0;
  let matched = 0;
  let bytes = 0;
  let batch: Message[] = [];
  let lastFlush = 0;
  const ends = args.follow ? undefined : Object.fromEntries([...args.cursors].map(([p, c]) => [p, c.end]));
  const flush = (force = false) => {
    if (!force && Date.now() - lastFlush < FLUSH_MS) return;
    lastFlush = Date.now();
    if (batch.length) channel.send('messages', { messages: batch });
    batch = [];
    const positions = Object.fromEntries([...args.cursors].map(([p, c]) => [p, c.position]));
    channel.send('progress', { scanned, matched, bytes, positions, ends });
  };
  const finish = (reason: ScanDone['reason'], message?: string) => {
    flush(true);
    channel.send('done', { reason, scanned, matched, elapsedMs: Date.now() - started, message });
  };

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
    const appError = toAppError(error, `Scan of "${args.topic}"`);
    channel.send('error', { code: appError.code, message: appError.message });
  }

  async function loop(): Promise<void> {
    while (!channel.signal.aborted) {
      if (Date.now() - started > args.timeoutMs) return finish('timeout');
      const active = [...args.cursors].filter(([, c]) => args.follow || c.position < c.end);
      if (active.length === 0) return finish('end');
      const fetched = await fetchFrom(
        args.clients,
        args.topic,
        active.map(([partition, c]) => ({ partition, offset: c.position, leader: c.leader })),
        FETCH_BYTES,
      );
      let progressed = false;
      const positionBefore = new Map(active.map(([p, c]) => [p, c.position]));
      const failed: { partition: number; reason: string }[] = [];
      for (const [partition, cursor] of active) {
        const result = fetched.get(partition);
        if (!result || result.error) {
          failed.push({ partition, reason: result?.error ?? 'no answer' });
          continue;
        }
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
            batch.push(toMessage(partition, record, args.maxBytes));
            if (matched >= args.limit) return finish(args.follow ? 'max_messages' : 'limit');
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
      if (!progressed) await new Promise((r) => setTimeout(r, args.follow ? 500 : 50));
    }
  }
}

/**
 * Partitions whose read failed: when the topic's metadata names another leader now (the old one
 * stopped and a replica took over), the cursor reads from it next round; the others are dropped
 * from the scan and returned, to be named in a notice.
 */
async function rerouteOrDrop(
  cluster: ClusterConfig,
  topic: string,
  cursors: Map<number, Cursor>,
  failed: { partition: number; reason: string }[],
): Promise<{ partition: number; reason: string }[]> {
  if (failed.length === 0) return [];
  const fresh = await topicMeta(cluster, topic).catch(() => null);
  const dropped: { partition: number; reason: string }[] = [];
  for (const f of failed) {
    const cursor = cursors.get(f.partition);
    const leader = fresh?.partitions.find((p) => p.partition === f.partition)?.leader ?? null;
    if (cursor && leader !== null && leader !== cursor.leader) {
      cursor.leader = leader;
      continue;
    }
    cursors.delete(f.partition);
    dropped.push(leader === null && fresh ? { ...f, reason: 'no leader' } : f);
  }
  return dropped;
}

type Stream = (channel: SseChannel) => Promise<void>;

/** Validates the query and positions the cursors first, so bad input is a 4xx before any stream starts. */
export async function searchStream(
  cluster: ClusterConfig,
  topicName: string,
  query: SearchQuery,
): Promise<Stream> {
  const filter = compileFilter(query.q, query.filter);
  const { metas, clients, marks } = await prepare(cluster, topicName, query.partitions);
  const startAt =
    query.start === 'timestamp'
      ? await fetchOffsetsForTime(
          clients,
          metas.map((p) => ({ topic: topicName, partition: p.partition, leader: p.leader })),
          query.timestamp ?? 0,
        )
      : new Map<string, number | null>();
  const cursors = new Map<number, Cursor>();
  const unavailable: { partition: number; reason: string }[] = [];
  for (const p of metas) {
    const m = marks.get(partitionKey(topicName, p.partition));
    if (p.leader === null || !m) {
      unavailable.push({
        partition: p.partition,
        reason: p.leader === null ? 'no leader' : 'its leader did not answer',
      });
      continue;
    }
    const position =
      query.start === 'oldest'
        ? m.low
        : query.start === 'offset'
          ? Math.min(m.high, Math.max(m.low, query.offset ?? 0))
          : (startAt.get(partitionKey(topicName, p.partition)) ?? m.high);
    cursors.set(p.partition, { leader: p.leader, position, end: m.high });
  }
  return async (channel) => {
    if (unavailable.length) channel.send('notice', { unavailable });
    await scan(channel, {
      cluster,
      topic: topicName,
      cursors,
      filter,
      maxBytes: query.maxBytes,
      limit: query.limit,
      timeoutMs: SEARCH_TIMEOUT_MS,
      follow: false,
      clients,
    });
  };
}

export async function tailStream(
  cluster: ClusterConfig,
  topicName: string,
  query: TailQuery,
): Promise<Stream> {
  const filter = compileFilter(query.q, query.filter);
  const { metas, clients, marks } = await prepare(cluster, topicName, query.partitions);
  const cursors = new Map<number, Cursor>();
  const unavailable: { partition: number; reason: string }[] = [];
  for (const p of metas) {
    const m = marks.get(partitionKey(topicName, p.partition));
    if (p.leader !== null && m)
      cursors.set(p.partition, { leader: p.leader, position: m.high, end: Number.MAX_SAFE_INTEGER });
    else
      unavailable.push({
        partition: p.partition,
        reason: p.leader === null ? 'no leader' : 'its leader did not answer',
      });
  }
  return async (channel) => {
    if (unavailable.length) channel.send('notice', { unavailable });
    await scan(channel, {
      cluster,
      topic: topicName,
      cursors,
      filter,
      maxBytes: query.maxBytes,
      limit: TAIL_MAX_MESSAGES,
      timeoutMs: TAIL_TIMEOUT_MS,
      follow: true,
      clients,
    });
  };
}
