import 'server-only';
import { toSchemaDecoded, type Decoding, type RecordSchemas } from '@/server/services/record-schemas';
import type { Message, Payload } from '@/lib/schemas/message';
import type { ClusterConfig } from '@/server/config/schema';
import {
  kafka,
  partitionKey,
  type DeferredFetch,
  type FetchedRecord,
  type FetchPosition,
  type KafkaCluster,
  type TopicMeta,
} from '@/server/kafka';
import { choosePartitions, findTopic } from '@/server/services/resolve';

/**
 * The one read path for messages. Browse, search and tail each open a range here (where every
 * chosen partition starts and ends) and then read it in rounds, one Fetch per leader per round,
 * with plain Fetch requests: no consumer group is joined and no offset is committed.
 */

/**
 * Where a read starts, as the browse and search queries say it: oldest, newest (the last `limit`),
 * an offset, a timestamp; or `end` (a tail: only what comes next).
 */
export interface StartAt {
  start: 'oldest' | 'newest' | 'offset' | 'timestamp' | 'end';
  offset?: number;
  timestamp?: number;
  limit?: number;
}

/** One partition's place in a read: its watermarks, where the read began, where it is, where it ends. */
export interface Cursor {
  leader: number;
  low: number;
  high: number;
  from: number;
  position: number;
  /** Exclusive; a tail's is unbounded. */
  end: number;
}

export interface Unavailable {
  partition: number;
  reason: string;
}

export interface Range {
  topic: TopicMeta;
  cursors: Map<number, Cursor>;
  /** Partitions that cannot be read: no leader, or a leader that did not answer. */
  unavailable: Unavailable[];
}

/** The offset a read starts at in one partition, by the start rule. */
function startOffset(at: StartAt, low: number, high: number, atTime: number | null | undefined): number {
  switch (at.start) {
    case 'oldest':
      return low;
    case 'end':
      return high;
    case 'newest':
      return Math.max(low, high - (at.limit ?? 0));
    case 'offset':
      return Math.min(high, Math.max(low, at.offset ?? 0));
    case 'timestamp':
      return atTime ?? high;
  }
}

/**
 * Opens a range over the chosen partitions (a `0,2,5` list, all when absent): the topic or a 404,
 * the partitions or a 400, their watermarks, offsets by time when asked, a cursor per partition.
 */
export async function openRange(
  cluster: ClusterConfig,
  topicName: string,
  partitions: string | undefined,
  at: StartAt,
  options: { timeoutMs?: number } = {},
): Promise<Range> {
  const { topic } = await findTopic(cluster, topicName);
  const metas = choosePartitions(topic, partitions);
  const gateway = kafka(cluster);
  const marks = (await gateway.watermarks([{ ...topic, partitions: metas }], options)).offsets;
  const atTime =
    at.start === 'timestamp'
      ? await gateway.offsetsForTime(
          metas.map((p) => ({ topic: topicName, partition: p.partition, leader: p.leader })),
          at.timestamp ?? 0,
          options,
        )
      : new Map<string, number | null>();
  const cursors = new Map<number, Cursor>();
  const unavailable: Unavailable[] = [];
  for (const p of metas) {
    const key = partitionKey(topicName, p.partition);
    const m = marks.get(key);
    if (p.leader === null || !m) {
      unavailable.push({
        partition: p.partition,
        reason: p.leader === null ? 'no leader' : 'its leader did not answer',
      });
      continue;
    }
    const from = startOffset(at, m.low, m.high, atTime.get(key));
    const end = at.start === 'end' ? Number.MAX_SAFE_INTEGER : m.high;
    cursors.set(p.partition, { leader: p.leader, low: m.low, high: m.high, from, position: from, end });
  }
  return { topic, cursors, unavailable };
}

export interface RoundResult {
  /** Per partition read: its records from the cursor's position (before its end), and where to read on. */
  read: Map<number, { records: FetchedRecord[]; nextOffset: number | null }>;
  failed: Unavailable[];
}

/**
 * Reads one round of the given cursors: one Fetch per leader, records from each cursor's position
 * up to its end (at most `count` of them when given). The caller moves its cursors: a browse ends a
 * partition that brought nothing, a tail waits for more.
 */
export async function readRound(
  gateway: KafkaCluster,
  topic: string,
  cursors: [number, Cursor][],
  options: {
    count?: (partition: number) => number | undefined;
    maxBytesPerPartition?: number;
    timeoutMs?: number;
  } = {},
): Promise<RoundResult> {
  const fetched = await gateway.fetch(topic, positionsOf(cursors, options.count), {
    maxBytesPerPartition: options.maxBytesPerPartition,
    timeoutMs: options.timeoutMs,
  });
  const read: RoundResult['read'] = new Map();
  const failed: Unavailable[] = [];
  for (const [partition] of cursors) {
    const result = fetched.get(partition);
    if (!result || result.error) failed.push({ partition, reason: result?.error ?? 'no answer' });
    else read.set(partition, { records: result.records, nextOffset: result.nextOffset });
  }
  return { read, failed };
}

function positionsOf(
  cursors: [number, Cursor][],
  count?: (partition: number) => number | undefined,
): FetchPosition[] {
  return cursors.map(([partition, c]) => ({
    partition,
    offset: c.position,
    leader: c.leader,
    end: c.end === Number.MAX_SAFE_INTEGER ? undefined : c.end,
    count: count?.(partition),
  }));
}

/**
 * readRound for a search, which goes through every record and keeps few: each partition's records
 * are decoded when the caller gets to it (`decode`, whose `error` is then the partition's failure),
 * so that a round's records are never all alive at once.
 */
export async function readRoundDeferred(
  gateway: KafkaCluster,
  topic: string,
  cursors: [number, Cursor][],
  bytes: { perPartition: number; perLeader?: number },
): Promise<{ read: Map<number, DeferredFetch>; failed: Unavailable[] }> {
  const fetched = await gateway.fetchDeferred(topic, positionsOf(cursors), bytes);
  const read = new Map<number, DeferredFetch>();
  const failed: Unavailable[] = [];
  for (const [partition] of cursors) {
    const result = fetched.get(partition);
    if (result) read.set(partition, result);
    else failed.push({ partition, reason: 'no answer' });
  }
  return { read, failed };
}

/**
 * Partitions whose read failed: when the topic's metadata names another leader now (the old one
 * stopped and a replica took over), the cursor reads from it next round; the others are dropped
 * and returned, to be named.
 */
export async function rerouteOrDrop(
  cluster: ClusterConfig,
  topic: string,
  cursors: Map<number, Cursor>,
  failed: Unavailable[],
): Promise<Unavailable[]> {
  if (failed.length === 0) return [];
  const fresh = await findTopic(cluster, topic).then(
    (found) => found.topic,
    () => null,
  );
  const dropped: Unavailable[] = [];
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

function payload(buffer: Buffer | null | undefined, maxBytes: number, decoding?: Decoding): Payload {
  if (!buffer) return { base64: null, size: 0, truncated: false };
  return {
    base64: buffer.subarray(0, maxBytes).toString('base64'),
    size: buffer.length,
    truncated: buffer.length > maxBytes,
    ...(decoding && { schema: toSchemaDecoded(decoding, maxBytes) }),
  };
}

/**
 * A record as the API shows it, its payloads cut at `maxBytes`; with `schemas` (prepared for the
 * record), keys and values in the schema registry's wire format come decoded too.
 */
export function toMessage(
  partition: number,
  record: FetchedRecord,
  maxBytes: number,
  schemas?: RecordSchemas,
): Message {
  return {
    partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: payload(record.key, maxBytes, schemas?.decode(record.key, 'key')),
    value: payload(record.value, maxBytes, schemas?.decode(record.value, 'value')),
    headers: record.headers.map((h) => ({ key: h.key, value: payload(h.value, maxBytes) })),
    compression: record.compression,
    transaction: record.transaction,
  };
}
