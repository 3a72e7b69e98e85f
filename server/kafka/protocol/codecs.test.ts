import { describe, expect, it } from 'vitest';
import { decodeMetadata } from '@/server/kafka/protocol/metadata';
import { Reader } from '@/server/kafka/protocol/reader';
import { Writer } from '@/server/kafka/protocol/writer';

const bytes = (writer: Writer) => writer.toEncoder().buffer;

describe('Writer and Reader', () => {
  it('round-trip int64 values across the 32-bit boundary, negatives included', () => {
    const values = [
      0,
      -1,
      -2,
      1,
      2 ** 32,
      2 ** 32 + 5,
      -(2 ** 32) - 7,
      Number.MAX_SAFE_INTEGER,
      1_733_000_000_000,
    ];
    const writer = new Writer(4);
    for (const v of values) writer.int64(v);
    const buffer = bytes(writer);
    expect(buffer.length).toBe(values.length * 8);
    for (let i = 0; i < values.length; i++) expect(buffer.readBigInt64BE(i * 8)).toBe(BigInt(values[i]!));
    const reader = new Reader(buffer);
    expect(values.map(() => reader.int64())).toEqual(values);
  });

  it('round-trip uvarints, strings and compact strings, growing past the first buffer', () => {
    const writer = new Writer(2);
    const long = 'topic-'.repeat(100) + 'é';
    writer.uvarint(0).uvarint(127).uvarint(128).uvarint(300_000).string(long).compactString('ä-b').int16(-1);
    const reader = new Reader(bytes(writer));
    expect([reader.uvarint(), reader.uvarint(), reader.uvarint(), reader.uvarint()]).toEqual([
      0, 127, 128, 300_000,
    ]);
    expect(reader.string()).toBe(long);
    expect(reader.compactString()).toBe('ä-b');
    expect(reader.string()).toBeNull();
    expect(reader.remaining).toBe(0);
  });

  it('skips tagged fields', () => {
    const writer = new Writer();
    writer.uvarint(2).uvarint(0).uvarint(3).int8(1).int8(2).int8(3).uvarint(5).uvarint(0).int32(42);
    const reader = new Reader(bytes(writer));
    reader.skipTags();
    expect(reader.int32()).toBe(42);
  });
});

describe('decodeMetadata', () => {
  // Laid out as Kafka's MetadataResponse v6 (throttle, brokers with racks, cluster id, controller,
  // topics with internal flags, partitions with offline replicas).
  function v6Response(): Buffer {
    const w = new Writer();
    w.int32(0).int32(2);
    w.int32(1).string('b1').int32(9092).string('rack-a');
    w.int32(2).string('b2').int32(9093).int16(-1);
    w.string('cluster-x').int32(2).int32(1);
    w.int16(0).string('orders').int8(0).int32(2);
    w.int16(0).int32(0).int32(1).int32(2).int32(1).int32(2).int32(1).int32(1).int32(0);
    w.int16(9).int32(1).int32(-1).int32(2).int32(2).int32(1).int32(0).int32(1).int32(2);
    return bytes(w);
  }

  it('reads brokers, cluster, topics and partitions, keeping partition errors as data', () => {
    const decoded = decodeMetadata(new Reader(v6Response()), 6);
    expect(decoded.clusterId).toBe('cluster-x');
    expect(decoded.controllerId).toBe(2);
    expect(decoded.brokers).toEqual([
      { nodeId: 1, host: 'b1', port: 9092, rack: 'rack-a' },
      { nodeId: 2, host: 'b2', port: 9093, rack: null },
    ]);
    expect(decoded.topicMetadata).toEqual([
      {
        topicErrorCode: 0,
        topic: 'orders',
        isInternal: false,
        partitionMetadata: [
          {
            partitionErrorCode: 0,
            partitionId: 0,
            leader: 1,
            replicas: [1, 2],
            isr: [1],
            offlineReplicas: [],
          },
          {
            partitionErrorCode: 9,
            partitionId: 1,
            leader: -1,
            replicas: [2, 1],
            isr: [],
            offlineReplicas: [2],
          },
        ],
      },
    ]);
  });
});
