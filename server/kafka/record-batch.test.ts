import { describe, expect, it } from 'vitest';
import { CompressionTypes } from 'kafkajs';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import { decodeRecordSet } from '@/server/kafka/record-batch';

// kafkajs's own encoder writes the batches (as a producer would) and its decoder is the second
// opinion on offsets, timestamps and bytes.
/* eslint-disable @typescript-eslint/no-require-imports */
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
  RecordBatch: (options: Record<string, unknown>) => Promise<{ buffer: Buffer }>;
};
const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (
  options: Record<string, unknown>,
) => unknown;
const decodeBatchWithKafkajs = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (
  decoder: Decoder,
) => Promise<{ records: { offset: string; timestamp: string; key: Buffer | null; value: Buffer | null }[] }>;
/* eslint-enable @typescript-eslint/no-require-imports */

const BASE_TIME = 1_790_000_000_000;

async function batch(
  compression: number,
  firstOffset: number,
  records: {
    offsetDelta: number;
    timestampDelta: number;
    key: string | null;
    value: string | null;
    headers?: Record<string, string | string[]>;
  }[],
): Promise<Buffer> {
  const encoded = await RecordBatch({
    compression,
    firstOffset: String(firstOffset),
    firstTimestamp: BASE_TIME,
    maxTimestamp: BASE_TIME + 500,
    lastOffsetDelta: Math.max(...records.map((r) => r.offsetDelta)),
    records: records.map((r) =>
      Record({
        offsetDelta: r.offsetDelta,
        timestampDelta: r.timestampDelta,
        key: r.key === null ? null : Buffer.from(r.key),
        value: r.value === null ? null : Buffer.from(r.value),
        headers: r.headers ?? {},
      }),
    ),
  });
  return encoded.buffer;
}

const text = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));
const ATTRIBUTES_AT = 21;

describe('decodeRecordSet', () => {
  it('reads offsets, timestamps, keys, values and headers as kafkajs does, and the codec of each batch', async () => {
    const plain = await batch(CompressionTypes.None, 5_000_000_000, [
      { offsetDelta: 0, timestampDelta: 0, key: 'a', value: 'first', headers: { h: ['1', '2'], t: 'x' } },
      { offsetDelta: 2, timestampDelta: -7, key: null, value: null },
    ]);
    const gzip = await batch(CompressionTypes.GZIP, 5_000_000_003, [
      { offsetDelta: 0, timestampDelta: 3, key: 'k', value: 'é'.repeat(100) },
    ]);
    const set = await decodeRecordSet(Buffer.concat([plain, gzip]));

    expect(
      set.records.map((r) => [r.offset, r.timestamp, text(r.key), text(r.value), r.compression]),
    ).toEqual([
      [5_000_000_000, BASE_TIME, 'a', 'first', 'none'],
      [5_000_000_002, BASE_TIME - 7, null, null, 'none'],
      [5_000_000_003, BASE_TIME + 3, 'k', 'é'.repeat(100), 'gzip'],
    ]);
    expect(set.records[0]!.headers.map((h) => [h.key, text(h.value)])).toEqual([
      ['h', '1'],
      ['h', '2'],
      ['t', 'x'],
    ]);
    expect(set.nextOffset).toBe(5_000_000_004);

    const theirs = (await decodeBatchWithKafkajs(new Decoder(plain))).records;
    expect(theirs.map((r) => [Number(r.offset), Number(r.timestamp), text(r.key), text(r.value)])).toEqual(
      set.records.slice(0, 2).map((r) => [r.offset, r.timestamp, text(r.key), text(r.value)]),
    );
  });

  it('steps over control batches, uses the log-append time, and leaves a partial last batch for later', async () => {
    const control = await batch(CompressionTypes.None, 10, [
      { offsetDelta: 0, timestampDelta: 0, key: null, value: 'marker' },
    ]);
    control.writeInt16BE(control.readInt16BE(ATTRIBUTES_AT) | 0x20, ATTRIBUTES_AT);
    const appended = await batch(CompressionTypes.None, 11, [
      { offsetDelta: 0, timestampDelta: 1, key: null, value: 'x' },
      { offsetDelta: 1, timestampDelta: 2, key: null, value: 'y' },
    ]);
    appended.writeInt16BE(appended.readInt16BE(ATTRIBUTES_AT) | 0x08, ATTRIBUTES_AT);
    const cut = (
      await batch(CompressionTypes.None, 13, [{ offsetDelta: 0, timestampDelta: 0, key: null, value: 'z' }])
    ).subarray(0, 30);

    const set = await decodeRecordSet(Buffer.concat([control, appended, cut]));
    expect(set.records.map((r) => [r.offset, r.timestamp, text(r.value)])).toEqual([
      [11, BASE_TIME + 500, 'x'],
      [12, BASE_TIME + 500, 'y'],
    ]);
    expect(set.nextOffset).toBe(13);
  });

  it('reads nothing from an empty or null record set', async () => {
    expect(await decodeRecordSet(null)).toEqual({ records: [], nextOffset: null });
    expect(await decodeRecordSet(Buffer.alloc(0))).toEqual({ records: [], nextOffset: null });
  });
});
