import { describe, expect, it } from 'vitest';
import {
  alterPartitionReassignmentsRequest,
  electLeadersRequest,
} from '@/server/kafka/protocol/partition-reassignments';
import { Reader } from '@/server/kafka/protocol/reader';
import { Writer } from '@/server/kafka/protocol/writer';

const body = async (encode: () => Promise<{ buffer: Buffer }>) => new Reader((await encode()).buffer);

describe('AlterPartitionReassignments', () => {
  it('writes replicas, and a null array to cancel', async () => {
    const { request } = alterPartitionReassignmentsRequest(
      [
        { topic: 't', partition: 0, replicas: [1, 2] },
        { topic: 't', partition: 1, replicas: null },
      ],
      5000,
    );
    const r = await body(request.encode);
    r.skipTags(); // request header v2
    expect(r.int32()).toBe(5000);
    expect(r.compactLength()).toBe(1);
    expect(r.compactString()).toBe('t');
    expect(r.compactLength()).toBe(2);
    expect(r.int32()).toBe(0);
    expect(r.compactLength()).toBe(2);
    expect([r.int32(), r.int32()]).toEqual([1, 2]);
    r.skipTags();
    expect(r.int32()).toBe(1);
    expect(r.uvarint()).toBe(0); // null
    r.skipTags();
    r.skipTags();
    r.skipTags();
    expect(r.remaining).toBe(0);
  });

  it('reads per-partition errors', async () => {
    const w = new Writer();
    w.uvarint(0).int32(0).int16(0).uvarint(0); // header tags, throttle, error, null message
    w.uvarint(2)
      .compactString('t')
      .uvarint(2)
      .int32(3)
      .int16(85)
      .compactString('none')
      .uvarint(0)
      .uvarint(0)
      .uvarint(0);
    const { response } = alterPartitionReassignmentsRequest([], 1);
    expect(await response.decode(w.toEncoder().buffer)).toEqual({
      errorCode: 0,
      errorMessage: null,
      results: [{ topic: 't', partition: 3, errorCode: 85, errorMessage: 'none' }],
    });
  });
});

describe('ElectLeaders', () => {
  it('writes v1 with an int32-counted topic list, and null for every partition', async () => {
    const v1 = await body(
      electLeadersRequest(1, 0, [{ topic: 'a', partitions: [0, 2] }], 100).request.encode,
    );
    expect(v1.int8()).toBe(0);
    expect(v1.int32()).toBe(1);
    expect(v1.string()).toBe('a');
    expect(v1.int32Array()).toEqual([0, 2]);
    expect(v1.int32()).toBe(100);
    const all = await body(electLeadersRequest(2, 1, null, 100).request.encode);
    all.skipTags();
    expect(all.int8()).toBe(1);
    expect(all.uvarint()).toBe(0);
    expect(all.int32()).toBe(100);
  });
});
