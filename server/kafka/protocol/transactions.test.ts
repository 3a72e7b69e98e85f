import { describe, expect, it } from 'vitest';
import { Reader } from '@/server/kafka/protocol/reader';
import { Writer } from '@/server/kafka/protocol/writer';
import {
  describeProducersRequest,
  describeTransactionsRequest,
  listTransactionsRequest,
  writeTxnMarkersRequest,
} from '@/server/kafka/protocol/transactions';

async function body(request: { request: { encode: () => Promise<{ buffer: Buffer }> } }): Promise<Reader> {
  const reader = new Reader((await request.request.encode()).buffer);
  reader.skipTags(); // request header v2's tagged fields
  return reader;
}

/** A response as a broker writes it: response header v1's empty tags, then the body. */
const response = (fill: (w: Writer) => void): Buffer => {
  const writer = new Writer().uvarint(0);
  fill(writer);
  return writer.toEncoder().buffer;
};

describe('ListTransactions', () => {
  it('writes state and producer filters, and the duration filter from v1', async () => {
    const r = await body(listTransactionsRequest(1, { states: ['Ongoing'], producerIds: [2 ** 33 + 7] }));
    expect(r.compactLength()).toBe(1);
    expect(r.compactString()).toBe('Ongoing');
    expect(r.compactLength()).toBe(1);
    expect(r.int64()).toBe(2 ** 33 + 7);
    expect(r.int64()).toBe(-1);
    r.skipTags();
    expect(r.remaining).toBe(0);
    const v0 = await body(listTransactionsRequest(0));
    expect([v0.compactLength(), v0.compactLength()]).toEqual([0, 0]);
    v0.skipTags();
    expect(v0.remaining).toBe(0);
  });

  it('reads the listed transactions and the error', async () => {
    const payload = response((w) =>
      w
        .int32(0)
        .int16(0)
        .uvarint(1)
        .uvarint(3)
        .compactString('tx-a')
        .int64(1000)
        .compactString('Ongoing')
        .uvarint(0)
        .compactString('tx-b')
        .int64(1001)
        .compactString('CompleteCommit')
        .uvarint(0)
        .uvarint(0),
    );
    const decoded = await listTransactionsRequest(1).response.decode(payload);
    expect(decoded).toEqual({
      error: null,
      transactions: [
        { transactionalId: 'tx-a', producerId: 1000, state: 'Ongoing' },
        { transactionalId: 'tx-b', producerId: 1001, state: 'CompleteCommit' },
      ],
    });
    const failed = response((w) => w.int32(0).int16(15).uvarint(1).uvarint(1).uvarint(0));
    expect((await listTransactionsRequest(0).response.decode(failed)).error).toBe(
      'COORDINATOR_NOT_AVAILABLE',
    );
  });
});

describe('DescribeTransactions', () => {
  it('writes the ids and reads state, timeout, start, producer and partitions', async () => {
    const r = await body(describeTransactionsRequest(['tx-a', 'tx-b']));
    expect(r.compactLength()).toBe(2);
    expect([r.compactString(), r.compactString()]).toEqual(['tx-a', 'tx-b']);
    const payload = response((w) =>
      w
        .int32(0)
        .uvarint(3)
        .int16(0)
        .compactString('tx-a')
        .compactString('Ongoing')
        .int32(60_000)
        .int64(1_796_000_000_000)
        .int64(42)
        .int16(3)
        .uvarint(2)
        .compactString('orders')
        .uvarint(3)
        .int32(0)
        .int32(2)
        .uvarint(0)
        .uvarint(0)
        .int16(105)
        .compactString('tx-b')
        .compactString('')
        .int32(0)
        .int64(-1)
        .int64(-1)
        .int16(-1)
        .uvarint(1)
        .uvarint(0)
        .uvarint(0),
    );
    const [a, b] = await describeTransactionsRequest([]).response.decode(payload);
    expect(a).toEqual({
      error: null,
      transactionalId: 'tx-a',
      state: 'Ongoing',
      timeoutMs: 60_000,
      startTimeMs: 1_796_000_000_000,
      producerId: 42,
      producerEpoch: 3,
      partitions: [
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 2 },
      ],
    });
    expect(b!.error).toBe('TRANSACTIONAL_ID_NOT_FOUND');
  });
});

describe('DescribeProducers', () => {
  it('writes topics with partitions and reads each partition’s active producers', async () => {
    const r = await body(describeProducersRequest([{ topic: 't', partitions: [0, 3] }]));
    expect(r.compactLength()).toBe(1);
    expect(r.compactString()).toBe('t');
    expect(r.compactLength()).toBe(2);
    expect([r.int32(), r.int32()]).toEqual([0, 3]);
    const payload = response((w) =>
      w
        .int32(0)
        .uvarint(2)
        .compactString('t')
        .uvarint(3)
        .int32(0)
        .int16(0)
        .uvarint(0) // null error message
        .uvarint(2)
        .int64(86_000)
        .int32(0)
        .int32(1)
        .int64(1_796_214_905_156)
        .int32(-1)
        .int64(0)
        .uvarint(0)
        .uvarint(0)
        .int32(3)
        .int16(6)
        .compactString('not the leader')
        .uvarint(1)
        .uvarint(0)
        .uvarint(0)
        .uvarint(0),
    );
    const decoded = await describeProducersRequest([]).response.decode(payload);
    expect(decoded).toEqual([
      {
        topic: 't',
        partition: 0,
        error: null,
        errorMessage: null,
        producers: [
          {
            producerId: 86_000,
            producerEpoch: 0,
            lastSequence: 1,
            lastTimestamp: 1_796_214_905_156,
            coordinatorEpoch: -1,
            currentTxnStartOffset: 0,
          },
        ],
      },
      {
        topic: 't',
        partition: 3,
        error: 'NOT_LEADER_OR_FOLLOWER',
        errorMessage: 'not the leader',
        producers: [],
      },
    ]);
  });
});

describe('WriteTxnMarkers', () => {
  it('writes an ABORT marker for one producer and reads per-partition errors', async () => {
    const request = writeTxnMarkersRequest([
      {
        producerId: 86_000,
        producerEpoch: 0,
        commit: false,
        topic: 't',
        partitions: [0],
        coordinatorEpoch: 0,
      },
    ]);
    expect(request.request).toMatchObject({ apiKey: 27, apiVersion: 1 });
    const r = await body(request);
    expect(r.compactLength()).toBe(1);
    expect(r.int64()).toBe(86_000);
    expect(r.int16()).toBe(0);
    expect(r.bool()).toBe(false);
    expect(r.compactLength()).toBe(1);
    expect(r.compactString()).toBe('t');
    expect(r.compactLength()).toBe(1);
    expect(r.int32()).toBe(0);
    r.skipTags();
    expect(r.int32()).toBe(0); // coordinator epoch
    r.skipTags();
    r.skipTags();
    expect(r.remaining).toBe(0);
    const payload = response((w) =>
      w
        .uvarint(2)
        .int64(86_000)
        .uvarint(2)
        .compactString('t')
        .uvarint(3)
        .int32(0)
        .int16(0)
        .uvarint(0)
        .int32(1)
        .int16(47)
        .uvarint(0)
        .uvarint(0)
        .uvarint(0)
        .uvarint(0),
    );
    expect(await request.response.decode(payload)).toEqual([
      { producerId: 86_000, topic: 't', partition: 0, error: null },
      { producerId: 86_000, topic: 't', partition: 1, error: 'INVALID_PRODUCER_EPOCH' },
    ]);
  });
});
