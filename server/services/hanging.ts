import type { HangingTransaction } from '@/lib/schemas/transaction';

/** What the hanging search needs of DescribeProducers, ListTransactions and DescribeTransactions. */
export interface OpenTransactionCandidate {
  topic: string;
  partition: number;
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  startOffset: number;
  lastTimestamp: number;
}

export interface CoordinatorView {
  /** Producer id → transactional id, from ListTransactions filtered by producer id. */
  transactionalIds: Map<number, string>;
  /** Transactional id → the partitions of its current transaction; absent: the coordinator does not know it. */
  partitions: Map<string, { topic: string; partition: number }[]>;
}

/** Open transactions on partitions (producers with a current start offset) older than `olderThanMs`. */
export function openCandidates(
  partitions: {
    topic: string;
    partition: number;
    producers: {
      producerId: number;
      producerEpoch: number;
      coordinatorEpoch: number;
      lastTimestamp: number;
      currentTxnStartOffset: number | null;
    }[];
  }[],
  now: number,
  olderThanMs: number,
): OpenTransactionCandidate[] {
  const candidates: OpenTransactionCandidate[] = [];
  for (const p of partitions)
    for (const producer of p.producers)
      if (producer.currentTxnStartOffset !== null && now - producer.lastTimestamp > olderThanMs)
        candidates.push({
          topic: p.topic,
          partition: p.partition,
          producerId: producer.producerId,
          producerEpoch: producer.producerEpoch,
          coordinatorEpoch: producer.coordinatorEpoch,
          startOffset: producer.currentTxnStartOffset,
          lastTimestamp: producer.lastTimestamp,
        });
  return candidates;
}

/**
 * kafka-transactions find-hanging's rule: an old open transaction hangs when no coordinator lists
 * its producer id, when its transactional id cannot be described, or when the transactional id's
 * current transaction does not hold the partition (the coordinator ended it, the marker never came).
 */
export function hangingOf(
  candidates: OpenTransactionCandidate[],
  view: CoordinatorView,
  now: number,
): HangingTransaction[] {
  const hanging: HangingTransaction[] = [];
  for (const c of candidates) {
    const transactionalId = view.transactionalIds.get(c.producerId) ?? null;
    const held = transactionalId === null ? undefined : view.partitions.get(transactionalId);
    const base = { ...c, durationMs: Math.max(0, now - c.lastTimestamp), transactionalId };
    if (held === undefined) hanging.push({ ...base, reason: 'unknown_producer' });
    else if (!held.some((p) => p.topic === c.topic && p.partition === c.partition))
      hanging.push({ ...base, reason: 'not_in_transaction' });
  }
  return hanging.sort((a, b) => b.durationMs - a.durationMs);
}
