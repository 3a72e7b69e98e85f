import 'server-only';
import FetchRequests from 'kafkajs/src/protocol/requests/fetch/index.js';
import { sendTo } from '@/server/kafka/client/brokers-access';
import type { ProtocolRequest, RawBroker } from '@/server/kafka/client/internals';
import { errorName } from '@/server/kafka/protocol/protocol-error';
import { pickVersion } from '@/server/kafka/protocol/versions';
import { partitionKey } from '@/server/kafka/ops/watermarks';
import { Reader } from '@/server/kafka/protocol/reader';
import {
  decodeRecordSet,
  hasTransactionalBatch,
  readMarkers,
  type FetchedRecord,
  type TransactionEnds,
} from '@/server/kafka/ops/record-batch';
import type { ClusterClients } from '@/server/kafka/client/registry';

export type { FetchedRecord } from '@/server/kafka/ops/record-batch';

interface RawPartition {
  topic: string;
  partition: number;
  errorCode: number;
  highWatermark: number;
  records: Buffer | null;
}

const FETCH_API_KEY = 1;
const MIN_VERSION = 4; // the first with record batches (magic 2), Kafka 0.11
const MAX_VERSION = 11; // the last before flexible versions

/**
 * Fetch response v4-v11, decoded here so record sets reach our record-batch decoder untouched
 * (kafkajs's decoder loses each batch's codec).
 *
 * Fetch Response => throttle_time_ms int32 [error_code int16 session_id int32 (v7+)]
 *   [topic string [partition int32 error_code int16 high_watermark int64 last_stable_offset int64
 *   [log_start_offset int64 (v5+)] [aborted_transactions: producer_id int64 first_offset int64]
 *   [preferred_read_replica int32 (v11+)] records bytes]]
 */
function decodeFetchResponse(version: number, payload: Buffer): RawPartition[] {
  const reader = new Reader(payload);
  reader.int32();
  if (version >= 7) {
    const errorCode = reader.int16();
    reader.int32();
    if (errorCode !== 0) throw new Error(errorName(errorCode));
  }
  const partitions: RawPartition[] = [];
  for (let topics = reader.int32(); topics > 0; topics--) {
    const topic = reader.string() ?? '';
    for (let count = reader.int32(); count > 0; count--) {
      const partition = reader.int32();
      const errorCode = reader.int16();
      const highWatermark = reader.int64();
      reader.pos += 8; // last stable offset
      if (version >= 5) reader.pos += 8; // log start offset
      const aborted = reader.int32();
      if (aborted > 0) reader.pos += aborted * 16;
      if (version >= 11) reader.pos += 4; // preferred read replica
      const size = reader.int32();
      partitions.push({
        topic,
        partition,
        errorCode,
        highWatermark,
        records: size < 0 ? null : reader.bytes(size),
      });
    }
  }
  return partitions;
}

function fetchRequest(
  broker: RawBroker,
  partitions: { topic: string; partition: number; offset: number }[],
  maxBytesPerPartition: number,
  maxBytesPerRequest = Infinity,
): ProtocolRequest<RawPartition[]> {
  const byTopic = new Map<string, { partition: number; offset: number }[]>();
  for (const p of partitions) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  // Brokers since Kafka 0.11 speak v4; one that does not list Fetch is asked at v4 all the same.
  const version = pickVersion(broker, FETCH_API_KEY, MIN_VERSION, MAX_VERSION) ?? MIN_VERSION;
  const { request } = (
    FetchRequests as { protocol: (a: { version: number }) => (o: unknown) => ProtocolRequest<unknown> }
  ).protocol({ version })({
    replicaId: -1,
    // Up to the high watermark, like the counts elsewhere in the console; control records are dropped.
    isolationLevel: 0,
    maxWaitTime: 0,
    minBytes: 0,
    // Kafka fills the partitions in the order asked until this; the first batch always comes whole.
    maxBytes: Math.min(maxBytesPerPartition * partitions.length, maxBytesPerRequest),
    topics: [...byTopic].map(([topic, list]) => ({
      topic,
      partitions: list.map((p) => ({
        partition: p.partition,
        fetchOffset: String(p.offset),
        maxBytes: maxBytesPerPartition,
      })),
    })),
  });
  return {
    request,
    response: {
      decode: async (payload) => decodeFetchResponse(version, payload),
      parse: async (decoded) => decoded,
    },
  };
}

export interface PartitionFetch {
  records: FetchedRecord[];
  /** One past the last offset read, control records (transaction markers) included; null when nothing came. */
  nextOffset: number | null;
  error: string | null;
}

export interface FetchPosition {
  partition: number;
  offset: number;
  leader: number;
  /** Only records before this offset are wanted. */
  end?: number;
  /** Only this many records are wanted: `nextOffset` is then one past the last of them. */
  count?: number;
}

/** The records a caller wants of a decoded set, and where it reads on. */
function wanted(p: FetchPosition, records: FetchedRecord[], nextOffset: number | null) {
  // A fetch returns whole batches, so it can start before the requested offset.
  const inRange = records.filter((r) => r.offset >= p.offset && (p.end === undefined || r.offset < p.end));
  const kept = p.count === undefined ? inRange : inRange.slice(0, p.count);
  return { records: kept, nextOffset: kept.length < inRange.length ? kept.at(-1)!.offset + 1 : nextOffset };
}

/**
 * Reads records of one topic from given offsets with plain Fetch requests to each partition's
 * leader, one request per leader: no consumer group is joined and no offset is committed. Records
 * of transactions whose marker lies past what came are settled by reading ahead (readAheadForMarkers).
 */
export async function fetchFrom(
  clients: ClusterClients,
  topic: string,
  partitions: FetchPosition[],
  maxBytesPerPartition = 1_048_576,
  /** False when only offsets and timestamps matter: nothing is read ahead, states stay `unknown`. */
  settleTransactions = true,
): Promise<Map<number, PartitionFetch>> {
  const result = new Map<number, PartitionFetch>();
  const waiting: Waiting[] = [];
  const positions = partitions.map((p) => ({ ...p, topic }));
  await eachLeader(clients, positions, maxBytesPerPartition, async (p, raw, error) => {
    result.set(p.partition, await decodeNow(p, raw, error, settleTransactions ? waiting : null));
  });
  await readAheadForMarkers(clients, topic, waiting);
  return result;
}

/**
 * The first records at given offsets of partitions of any topics, one Fetch per leader whatever the
 * number of topics; nothing is read ahead (transaction states stay `unknown`). For timestamps.
 */
export async function peekMany(
  clients: ClusterClients,
  positions: (FetchPosition & { topic: string })[],
  maxBytesPerPartition: number,
): Promise<Map<string, PartitionFetch>> {
  const result = new Map<string, PartitionFetch>();
  await eachLeader(clients, positions, maxBytesPerPartition, async (p, raw, error) => {
    result.set(partitionKey(p.topic, p.partition), await decodeNow(p, raw, error, null));
  });
  return result;
}

/** A partition's answer, its records decoded when the caller asks (`decode` may be called once). */
export interface DeferredFetch {
  decode(): Promise<PartitionFetch>;
}

/**
 * fetchFrom for a caller that goes through many records and keeps few (a search): each partition's
 * records are decoded only when the caller gets to that partition, so one partition's records are
 * alive at a time instead of a whole round's, and they die young (collected by the cheap scavenges
 * of V8's young generation rather than promoted to the old one). A record set holding transactional
 * batches is decoded and settled at once, as in fetchFrom, since its records' states need the reads
 * ahead.
 */
export async function fetchDeferred(
  clients: ClusterClients,
  topic: string,
  partitions: FetchPosition[],
  bytes: { perPartition: number; perLeader?: number },
): Promise<Map<number, DeferredFetch>> {
  const result = new Map<number, DeferredFetch>();
  const waiting: Waiting[] = [];
  const visit = async (p: FetchPosition, raw: RawPartition, error: string | null) => {
    if (error === null && !hasTransactionalBatch(raw.records)) {
      result.set(p.partition, { decode: () => decodeNow(p, raw, null, null) });
      return;
    }
    const decoded = await decodeNow(p, raw, error, waiting);
    result.set(p.partition, { decode: async () => decoded });
  };
  const positions = partitions.map((p) => ({ ...p, topic }));
  await eachLeader(clients, positions, bytes.perPartition, visit, bytes.perLeader);
  await readAheadForMarkers(clients, topic, waiting);
  return result;
}

/**
 * Decodes one partition's answer; records waiting for a marker past it are settled as `open` when
 * the set reached the high watermark, queued on `waiting` to be read ahead, or (null: not settled)
 * `unknown`.
 */
async function decodeNow(
  p: FetchPosition,
  raw: RawPartition,
  error: string | null,
  waiting: Waiting[] | null,
): Promise<PartitionFetch> {
  if (error !== null) return { records: [], nextOffset: null, error };
  const set = await decodeRecordSet(raw.records).catch((e: Error) => e);
  if (set instanceof Error)
    return { records: [], nextOffset: null, error: `undecodable records: ${set.message}` };
  const chosen = wanted(p, set.records, set.nextOffset);
  if (set.ends.pending.size === 0) return { ...chosen, error: null };
  if (!waiting) {
    set.ends.settle('unknown');
    return { ...chosen, error: null };
  }
  set.ends.keepOnly(new Set(chosen.records));
  const from = set.nextOffset ?? p.offset;
  if (from >= raw.highWatermark) set.ends.settle('open');
  else if (set.ends.pending.size)
    waiting.push({ partition: p.partition, leader: p.leader, from, ends: set.ends });
  return { ...chosen, error: null };
}

interface Waiting {
  partition: number;
  leader: number;
  from: number;
  ends: TransactionEnds;
}

/**
 * Bytes per partition of each read ahead: transactions are mostly short, so their marker is
 * usually in the first small read; a long one gets larger reads, up to about 21 MB in all.
 */
const READ_AHEAD_BYTES = [65_536, 262_144, 1_048_576, 4_194_304, 4_194_304, 4_194_304, 4_194_304, 4_194_304];

/**
 * Settles transactional records whose marker lies past the fetch that brought them: reads on from
 * there, one Fetch per leader per round, looking only at batch headers. Records whose producer has
 * no marker up to the high watermark are `open`; those still waiting after the last round, or whose
 * read failed, are `unknown`. A topic without transactions never gets here.
 */
async function readAheadForMarkers(
  clients: ClusterClients,
  topic: string,
  waiting: Waiting[],
): Promise<void> {
  for (const bytes of READ_AHEAD_BYTES) {
    if (waiting.length === 0) return;
    const next: Waiting[] = [];
    const answered = new Set<number>();
    await eachLeader(
      clients,
      waiting.map((w) => ({ ...w, topic, offset: w.from })),
      bytes,
      async (p, raw, error) => {
        const w = waiting.find((x) => x.partition === p.partition)!;
        answered.add(p.partition);
        const read =
          error === null ? await readMarkers(raw.records, w.ends).catch(() => undefined) : undefined;
        if (read === undefined) return w.ends.settle('unknown');
        if (w.ends.pending.size === 0) return;
        const from = read ?? w.from;
        if (from >= raw.highWatermark) w.ends.settle('open');
        else next.push({ ...w, from });
      },
    );
    // A partition missing from an answer is not read on.
    for (const w of waiting) if (!answered.has(w.partition)) w.ends.settle('unknown');
    waiting = next;
  }
  for (const w of waiting) w.ends.settle('unknown');
}

/** One Fetch per leader for the given positions; `visit` gets each partition's answer or error. */
async function eachLeader<P extends { topic: string; partition: number; offset: number; leader: number }>(
  clients: ClusterClients,
  partitions: P[],
  maxBytesPerPartition: number,
  visit: (p: P, raw: RawPartition, error: string | null) => Promise<void>,
  maxBytesPerRequest?: number,
): Promise<void> {
  const byLeader = new Map<number, P[]>();
  for (const p of partitions) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p]);
  await Promise.all(
    [...byLeader].map(async ([leader, list]) => {
      let response: RawPartition[];
      try {
        response = await sendTo(clients, leader, (broker) =>
          fetchRequest(broker, list, maxBytesPerPartition, maxBytesPerRequest),
        );
      } catch (error) {
        const reason = `broker ${leader}: ${(error as Error).message}`;
        const none: RawPartition = {
          topic: '',
          partition: -1,
          errorCode: 0,
          highWatermark: 0,
          records: null,
        };
        for (const p of list) await visit(p, none, reason);
        return;
      }
      for (const raw of response) {
        const p = list.find((x) => x.partition === raw.partition && x.topic === raw.topic);
        if (p) await visit(p, raw, raw.errorCode === 0 ? null : errorName(raw.errorCode));
      }
    }),
  );
}
