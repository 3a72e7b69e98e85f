import { describe, expect, it } from 'vitest';
import { CompressionTypes } from 'kafkajs';
import Decoder from 'kafkajs/src/protocol/decoder.js';
import { decodeRecordSet, hasTransactionalBatch, readMarkers } from '@/server/kafka/ops/record-batch';

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
  producer?: { id: number },
): Promise<Buffer> {
  const encoded = await RecordBatch({
    ...(producer && { transactional: true, producerId: String(producer.id) }),
    compression,
    firstOffset: String(firstOffset),
    firstTimestamp: BASE_TIME,
    maxTimestamp: BASE_TIME + 500,
    lastOffsetDelta: Math.max(...records.map((r) => r.offsetDelta)),
    records: records.map((r) =>
      Record({
        offsetDelta: r.offsetDelta,
        timestampDelta: r.timestampDelta,
        key: r.key === null ? null : Buffer.from(r.key, r.key.startsWith('\0') ? 'latin1' : 'utf8'),
        value: r.value === null ? null : Buffer.from(r.value),
        headers: r.headers ?? {},
      }),
    ),
  });
  return encoded.buffer;
}

const text = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));
const ATTRIBUTES_AT = 21;

/** A transaction marker of `producer` at `offset`: a control batch whose record key is version 0, type 0 (ABORT) or 1 (COMMIT). */
async function marker(offset: number, producer: number, type: 'abort' | 'commit'): Promise<Buffer> {
  const key = String.fromCharCode(0, 0, 0, type === 'commit' ? 1 : 0);
  const control = await batch(
    CompressionTypes.None,
    offset,
    [{ offsetDelta: 0, timestampDelta: 0, key, value: '' }],
    {
      id: producer,
    },
  );
  control.writeInt16BE(control.readInt16BE(ATTRIBUTES_AT) | 0x20, ATTRIBUTES_AT);
  return control;
}

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
    for (const set of [null, Buffer.alloc(0)]) {
      const decoded = await decodeRecordSet(set);
      expect([decoded.records, decoded.nextOffset, decoded.ends.pending.size]).toEqual([[], null, 0]);
    }
  });

  it("settles each producer's transactional records by that producer's next marker", async () => {
    const one = (offset: number, value: string, producer?: number) =>
      batch(
        CompressionTypes.None,
        offset,
        [{ offsetDelta: 0, timestampDelta: 0, key: null, value }],
        producer === undefined ? undefined : { id: producer },
      );
    const set = await decodeRecordSet(
      Buffer.concat([
        await one(0, 'a0', 7),
        await one(1, 'b0', 8),
        await one(2, 'plain'),
        await marker(3, 8, 'abort'),
        await one(4, 'a1', 7),
        await marker(5, 7, 'commit'),
        await one(6, 'a2', 7),
        await one(7, 'c0', 9),
      ]),
    );
    expect(set.records.map((r) => [text(r.value), r.transaction])).toEqual([
      ['a0', 'committed'],
      ['b0', 'aborted'],
      ['plain', null],
      ['a1', 'committed'],
      ['a2', 'open'],
      ['c0', 'open'],
    ]);
    // a2 and c0 wait for markers past the set: reading on finds them without decoding records.
    expect([...set.ends.pending.keys()]).toEqual([7, 9]);
    const next = await readMarkers(
      Buffer.concat([
        await one(8, 'c1', 9),
        await marker(9, 7, 'abort'),
        await marker(10, 9, 'commit'),
        await one(11, 'z'),
      ]),
      set.ends,
    );
    expect(set.records.slice(4).map((r) => r.transaction)).toEqual(['aborted', 'committed']);
    // It stops once nothing waits: the last batch is left unread.
    expect([next, set.ends.pending.size]).toEqual([11, 0]);
  });

  it('tells a record set with a transactional batch or marker from one without, by batch headers', async () => {
    const one = (offset: number, producer?: number) =>
      batch(
        CompressionTypes.GZIP,
        offset,
        [{ offsetDelta: 0, timestampDelta: 0, key: null, value: 'v' }],
        producer === undefined ? undefined : { id: producer },
      );
    const plain = Buffer.concat([await one(0), await one(1)]);
    expect(hasTransactionalBatch(plain)).toBe(false);
    expect(hasTransactionalBatch(null)).toBe(false);
    expect(hasTransactionalBatch(Buffer.concat([plain, await one(2, 7)]))).toBe(true);
    expect(hasTransactionalBatch(Buffer.concat([plain, await marker(2, 7, 'commit')]))).toBe(true);
    // A partial last batch (a fetch cut at its byte limit) is not read.
    const cut = await one(2, 7);
    expect(hasTransactionalBatch(Buffer.concat([plain, cut.subarray(0, cut.length - 1)]))).toBe(false);
  });
});
