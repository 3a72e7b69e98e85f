import 'server-only';
import { CompressionCodecs } from 'kafkajs';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import MessageSetDecoder from 'kafkajs/src/protocol/messageSet/decoder.js';
import '@/server/kafka/client/codecs';
import { Reader } from '@/server/kafka/protocol/reader';

/** Kafka's codecs, at the index of their id in a batch's attributes. */
export const compressions = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type Compression = (typeof compressions)[number];

/** How the transaction of a record ended, as a read_committed consumer would decide. */
export type TransactionState = 'committed' | 'aborted' | 'open' | 'unknown';

export interface FetchedRecord {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  /** In the order they were sent; a key may repeat. */
  headers: { key: string; value: Buffer | null }[];
  /** The codec of the batch the record was sent in (compression applies to whole batches). */
  compression: Compression;
  /** Null outside transactions; `open` until the marker ending its transaction is read. */
  transaction: TransactionState | null;
}

/**
 * Transactional records waiting for the control batch (COMMIT or ABORT marker) that ends their
 * producer's transaction. A producer has one transaction at a time on a partition, so its next
 * marker ends every transactional record of it read since its previous one, as Kafka's
 * read_committed consumer decides.
 */
export class TransactionEnds {
  /** By producer id; their records say `open` meanwhile. */
  readonly pending = new Map<number, FetchedRecord[]>();

  wait(producerId: number, records: FetchedRecord[]): void {
    const list = this.pending.get(producerId);
    if (list) list.push(...records);
    else this.pending.set(producerId, records);
  }

  end(producerId: number, state: 'committed' | 'aborted'): void {
    for (const record of this.pending.get(producerId) ?? []) record.transaction = state;
    this.pending.delete(producerId);
  }

  /** What every record still waiting is: `open` (read up to the high watermark) or `unknown`. */
  settle(state: 'open' | 'unknown'): void {
    for (const list of this.pending.values()) for (const record of list) record.transaction = state;
    this.pending.clear();
  }

  /** Stops waiting for records the caller leaves out. */
  keepOnly(kept: Set<FetchedRecord>): void {
    for (const [producerId, list] of this.pending) {
      const left = list.filter((r) => kept.has(r));
      if (left.length) this.pending.set(producerId, left);
      else this.pending.delete(producerId);
    }
  }
}

export interface RecordSet {
  records: FetchedRecord[];
  /** One past the last offset of the last whole batch (control batches and compacted gaps included). */
  nextOffset: number | null;
  /** Records whose transaction's marker lies past this set. */
  ends: TransactionEnds;
}

// Kafka's codec ids are the indexes of `compressions`: none 0, gzip 1, snappy 2, lz4 3, zstd 4.
const CODEC_MASK = 0x07;
const TIMESTAMP_LOG_APPEND = 0x08;
const TRANSACTIONAL = 0x10;
const CONTROL_BATCH = 0x20;
/** Control record types (the record key: version int16, type int16); KRaft's own types follow these. */
const ABORT_MARKER = 0;
const COMMIT_MARKER = 1;
/** baseOffset int64 + batchLength int32: the prefix every batch and legacy message entry shares. */
const ENTRY_PREFIX = 12;
const MAGIC_AT = 16;
const ATTRIBUTES_AT = 21;
const RECORD_BATCH_MAGIC = 2;

function codecName(attributes: number): Compression {
  const name = compressions[attributes & CODEC_MASK];
  if (!name) throw new Error(`unknown compression codec ${attributes & CODEC_MASK}`);
  return name;
}

async function decompress(attributes: number, data: Buffer): Promise<Buffer> {
  const factory = (
    CompressionCodecs as Record<number, (() => { decompress(b: Buffer): Promise<Buffer> }) | undefined>
  )[attributes & CODEC_MASK];
  if (!factory) throw new Error(`no decoder for ${codecName(attributes)}`);
  return factory().decompress(data);
}

/**
 * One RecordBatch (magic 2), read here rather than by kafkajs: its decoder drops the batch
 * attributes (so the codec is lost) and spends Long arithmetic and a spread per record, the
 * bulk of a search's time.
 *
 * RecordBatch => baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8,
 *   crc int32, attributes int16, lastOffsetDelta int32, baseTimestamp int64, maxTimestamp int64,
 *   producerId int64, producerEpoch int16, baseSequence int32, records [Record]
 * Record => length varint, attributes int8, timestampDelta varlong, offsetDelta varint,
 *   key varbytes, value varbytes, headers [key varstring, value varbytes] (varint counts)
 */
async function decodeBatch(
  batch: Buffer,
  into: FetchedRecord[] | null,
  ends: TransactionEnds,
): Promise<number> {
  const header = new Reader(batch);
  const baseOffset = header.int64();
  header.pos = ATTRIBUTES_AT;
  const attributes = header.int16();
  const lastOffsetDelta = header.int32();
  const baseTimestamp = header.int64();
  const maxTimestamp = header.int64();
  const producerId = header.int64();
  header.pos = 57;
  const count = header.int32();
  const nextOffset = baseOffset + lastOffsetDelta + 1;
  const transactional = (attributes & TRANSACTIONAL) !== 0;
  if (attributes & CONTROL_BATCH) {
    // Transaction markers: nothing to show, but they end their producer's transaction.
    if (transactional && count > 0 && ends.pending.has(producerId)) {
      const marker = await markerType(attributes, batch.subarray(header.pos));
      if (marker === COMMIT_MARKER || marker === ABORT_MARKER)
        ends.end(producerId, marker === COMMIT_MARKER ? 'committed' : 'aborted');
    }
    return nextOffset;
  }
  // Reading ahead for markers only: the records are not needed.
  if (!into || count <= 0) return nextOffset;

  const compression = codecName(attributes);
  const body = batch.subarray(header.pos);
  const reader = new Reader(compression === 'none' ? body : await decompress(attributes, body));
  const logAppendTime = (attributes & TIMESTAMP_LOG_APPEND) !== 0;
  const first = into.length;
  for (let i = 0; i < count; i++) {
    const length = reader.varint();
    const end = reader.pos + length;
    reader.pos += 1; // record attributes: unused
    const timestampDelta = reader.varint();
    const offsetDelta = reader.varint();
    const key = reader.varBytes();
    const value = reader.varBytes();
    const headerCount = reader.varint();
    const headers: FetchedRecord['headers'] = [];
    for (let h = 0; h < headerCount; h++) {
      const name = reader.varBytes();
      headers.push({ key: name ? name.toString('utf8') : '', value: reader.varBytes() });
    }
    reader.pos = end;
    into.push({
      offset: baseOffset + offsetDelta,
      timestamp: logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta,
      key,
      value,
      headers,
      compression,
      transaction: transactional ? 'open' : null,
    });
  }
  if (transactional) ends.wait(producerId, into.slice(first));
  return nextOffset;
}

/** The type of a control batch's record (control batches are written uncompressed, but who knows). */
async function markerType(attributes: number, body: Buffer): Promise<number> {
  const reader = new Reader((attributes & CODEC_MASK) === 0 ? body : await decompress(attributes, body));
  reader.varint(); // length
  reader.pos += 1; // attributes
  reader.varint(); // timestamp delta
  reader.varint(); // offset delta
  const key = reader.varBytes();
  return key && key.length >= 4 ? key.readInt16BE(2) : -1;
}

interface LegacyMessage {
  offset: string;
  timestamp?: string;
  key: Buffer | null;
  value: Buffer | null;
}

/** A message-format v0/v1 entry (topics written before Kafka 0.11): rare, so kafkajs decodes it. */
async function decodeLegacy(entry: Buffer, into: FetchedRecord[]): Promise<number | null> {
  const compression = codecName(entry.readInt8(MAGIC_AT + 1));
  const messages = (await MessageSetDecoder(new Decoder(entry), entry.length)) as LegacyMessage[];
  for (const m of messages) {
    into.push({
      offset: Number(m.offset),
      timestamp: Number(m.timestamp ?? -1),
      key: m.key,
      value: m.value,
      headers: [],
      compression,
      // Transactions came with record batches (magic 2).
      transaction: null,
    });
  }
  const last = messages.at(-1);
  return last ? Number(last.offset) + 1 : null;
}

/**
 * The whole batches of a record set: a fetch may end in a partial batch (it is cut at the byte
 * limit), which is left for the next fetch. Returns one past the last offset read.
 */
async function eachBatch(
  set: Buffer | null,
  visit: (entry: Buffer, magic: number) => Promise<number | null>,
  until: () => boolean = () => false,
): Promise<number | null> {
  let nextOffset: number | null = null;
  let pos = 0;
  while (set && set.length - pos >= MAGIC_AT + 1 && !until()) {
    const end = pos + ENTRY_PREFIX + set.readInt32BE(pos + 8);
    if (end > set.length) break;
    const entry = set.subarray(pos, end);
    const next = await visit(entry, entry.readInt8(MAGIC_AT));
    if (next !== null) nextOffset = next;
    pos = end;
  }
  return nextOffset;
}

/**
 * Whether a record set holds a transactional batch (data or marker), read from the batch headers
 * alone: a set without one needs no reading ahead, so its records can be decoded later.
 */
export function hasTransactionalBatch(set: Buffer | null): boolean {
  let pos = 0;
  while (set && set.length - pos > ATTRIBUTES_AT + 1) {
    const end = pos + ENTRY_PREFIX + set.readInt32BE(pos + 8);
    if (end > set.length) break;
    if (
      set.readInt8(pos + MAGIC_AT) === RECORD_BATCH_MAGIC &&
      set.readInt16BE(pos + ATTRIBUTES_AT) & TRANSACTIONAL
    )
      return true;
    pos = end;
  }
  return false;
}

/** The records of one partition's record set from a Fetch response. */
export async function decodeRecordSet(set: Buffer | null): Promise<RecordSet> {
  const records: FetchedRecord[] = [];
  const ends = new TransactionEnds();
  const nextOffset = await eachBatch(set, (entry, magic) =>
    magic === RECORD_BATCH_MAGIC ? decodeBatch(entry, records, ends) : decodeLegacy(entry, records),
  );
  return { records, nextOffset, ends };
}

/**
 * Reads a record set further on only for the markers that end the transactions `ends` waits for,
 * without decoding records; stops once none waits. Returns one past the last offset read.
 */
export async function readMarkers(set: Buffer | null, ends: TransactionEnds): Promise<number | null> {
  return eachBatch(
    set,
    async (entry, magic) => {
      if (magic === RECORD_BATCH_MAGIC) return decodeBatch(entry, null, ends);
      // Legacy entries hold no markers; one wrapper's last offset is in its prefix.
      return entry.readInt32BE(0) * 4294967296 + entry.readUInt32BE(4) + 1;
    },
    () => ends.pending.size === 0,
  );
}
