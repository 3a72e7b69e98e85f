import 'server-only';
import { CompressionCodecs } from 'kafkajs';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import MessageSetDecoder from 'kafkajs/src/protocol/messageSet/decoder.js';
import { compressions, type Compression } from '@/lib/schemas/message';
import '@/server/kafka/codecs';
import { Reader } from '@/server/kafka/protocol/reader';

export interface FetchedRecord {
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  /** In the order they were sent; a key may repeat. */
  headers: { key: string; value: Buffer | null }[];
  /** The codec of the batch the record was sent in (compression applies to whole batches). */
  compression: Compression;
}

export interface RecordSet {
  records: FetchedRecord[];
  /** One past the last offset of the last whole batch (control batches and compacted gaps included). */
  nextOffset: number | null;
}

// Kafka's codec ids are the indexes of `compressions`: none 0, gzip 1, snappy 2, lz4 3, zstd 4.
const CODEC_MASK = 0x07;
const TIMESTAMP_LOG_APPEND = 0x08;
const CONTROL_BATCH = 0x20;
/** baseOffset int64 + batchLength int32: the prefix every batch and legacy message entry shares. */
const ENTRY_PREFIX = 12;
const MAGIC_AT = 16;
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
async function decodeBatch(batch: Buffer, into: FetchedRecord[]): Promise<number> {
  const header = new Reader(batch);
  const baseOffset = header.int64();
  header.pos = 21;
  const attributes = header.int16();
  const lastOffsetDelta = header.int32();
  const baseTimestamp = header.int64();
  const maxTimestamp = header.int64();
  header.pos = 57;
  const count = header.int32();
  const nextOffset = baseOffset + lastOffsetDelta + 1;
  // Transaction markers: nothing to show, but their offsets are stepped over.
  if (attributes & CONTROL_BATCH || count <= 0) return nextOffset;

  const compression = codecName(attributes);
  const body = batch.subarray(header.pos);
  const reader = new Reader(compression === 'none' ? body : await decompress(attributes, body));
  const logAppendTime = (attributes & TIMESTAMP_LOG_APPEND) !== 0;
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
    });
  }
  return nextOffset;
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
    });
  }
  const last = messages.at(-1);
  return last ? Number(last.offset) + 1 : null;
}

/**
 * The records of one partition's record set from a Fetch response. A fetch may end in a partial
 * batch (it is cut at the byte limit): that batch is left for the next fetch.
 */
export async function decodeRecordSet(set: Buffer | null): Promise<RecordSet> {
  const records: FetchedRecord[] = [];
  let nextOffset: number | null = null;
  let pos = 0;
  while (set && set.length - pos >= MAGIC_AT + 1) {
    const end = pos + ENTRY_PREFIX + set.readInt32BE(pos + 8);
    if (end > set.length) break;
    const entry = set.subarray(pos, end);
    const next =
      entry.readInt8(MAGIC_AT) === RECORD_BATCH_MAGIC
        ? await decodeBatch(entry, records)
        : await decodeLegacy(entry, records);
    if (next !== null) nextOffset = next;
    pos = end;
  }
  return { records, nextOffset };
}
