import { describe, expect, it } from 'vitest';
import { hangingOf, openCandidates } from '@/server/services/hanging';

const now = 1_800_000_000_000;
const producer = (producerId: number, ageMs: number, start: number | null) => ({
  producerId,
  producerEpoch: 2,
  coordinatorEpoch: 5,
  lastTimestamp: now - ageMs,
  currentTxnStartOffset: start,
});

describe('hanging transactions', () => {
  const partitions = [
    { topic: 't', partition: 0, producers: [producer(1, 60_000, 10), producer(2, 60_000, null)] },
    { topic: 't', partition: 1, producers: [producer(3, 1_000, 4), producer(4, 120_000, 7)] },
    { topic: 'u', partition: 0, producers: [producer(5, 90_000, 0)] },
  ];

  it('keeps only open transactions older than the threshold', () => {
    const c = openCandidates(partitions, now, 30_000);
    expect(c.map((x) => x.producerId)).toEqual([1, 4, 5]);
    expect(c[0]).toMatchObject({ topic: 't', partition: 0, startOffset: 10, coordinatorEpoch: 5 });
  });

  it('flags producers no coordinator knows, and transactions that no longer hold the partition', () => {
    const candidates = openCandidates(partitions, now, 30_000);
    const hanging = hangingOf(
      candidates,
      {
        transactionalIds: new Map([
          [1, 'tx-live'],
          [4, 'tx-moved-on'],
        ]),
        partitions: new Map([
          ['tx-live', [{ topic: 't', partition: 0 }]],
          ['tx-moved-on', [{ topic: 'u', partition: 3 }]],
        ]),
      },
      now,
    );
    expect(hanging.map((h) => [h.producerId, h.reason, h.transactionalId])).toEqual([
      [4, 'not_in_transaction', 'tx-moved-on'],
      [5, 'unknown_producer', null],
    ]);
    expect(hanging[0]!.durationMs).toBe(120_000);
  });
});
