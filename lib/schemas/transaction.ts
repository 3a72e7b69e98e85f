import { z } from 'zod';

/** The states a transaction coordinator reports (TransactionState in Kafka), for the list's filter. */
export const transactionStates = [
  'Empty',
  'Ongoing',
  'PrepareCommit',
  'PrepareAbort',
  'CompleteCommit',
  'CompleteAbort',
  'PrepareEpochFence',
  'Dead',
] as const;

/**
 * The list's query, paged on the server: ListTransactions gives every id with its state cheaply,
 * and only the ids of the page shown are described.
 */
export const TransactionListQuerySchema = z.object({
  q: z.string().trim().max(255).default(''),
  state: z.enum(transactionStates).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
});
export type TransactionListQuery = z.infer<typeof TransactionListQuerySchema>;

export const TransactionSummarySchema = z.object({
  transactionalId: z.string(),
  state: z.string(),
  producerId: z.number(),
  /** From DescribeTransactions; null when the coordinator did not describe it. */
  producerEpoch: z.number().nullable(),
  timeoutMs: z.number().nullable(),
  /** When the open transaction began; null when none is open. */
  startTimeMs: z.number().nullable(),
  coordinator: z.number().int(),
  partitions: z.array(z.object({ topic: z.string(), partition: z.number().int() })),
});
export type TransactionSummary = z.infer<typeof TransactionSummarySchema>;

export const TransactionListSchema = z.object({
  /** The page's ids, in transactional-id order. */
  items: z.array(TransactionSummarySchema),
  /** Ids matching the filters, on every page. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Brokers that did not answer ListTransactions: the ids they coordinate are missing. */
  unavailableBrokers: z.array(z.number().int()),
  /** The cluster is older than Kafka 3.0 (no ListTransactions). */
  unsupported: z.boolean(),
});
export type TransactionList = z.infer<typeof TransactionListSchema>;

export const ProducerStateSchema = z.object({
  producerId: z.number(),
  producerEpoch: z.number(),
  lastSequence: z.number(),
  lastTimestamp: z.number(),
  coordinatorEpoch: z.number(),
  /** The first offset of the producer's open transaction; null when none is open. */
  currentTxnStartOffset: z.number().nullable(),
});
export type ProducerState = z.infer<typeof ProducerStateSchema>;

export const PartitionProducersSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  /** Kafka's error name when DescribeProducers gave this partition nothing (TOPIC_AUTHORIZATION_FAILED…). */
  error: z.string().nullable(),
  /** Why, as the UI shows it: the missing permission of the console's identity, or Kafka's message. */
  errorMessage: z.string().nullable(),
  producers: z.array(ProducerStateSchema),
});
export type PartitionProducersView = z.infer<typeof PartitionProducersSchema>;

export const HangingQuerySchema = z
  .object({
    topic: z.string().min(1).max(249).optional(),
    brokerId: z.coerce.number().int().min(0).optional(),
    /**
     * Only transactions open longer than this (ms) count; by default the brokers'
     * transaction.max.timeout.ms, as kafka-transactions find-hanging does.
     */
    olderThanMs: z.coerce.number().int().min(0).optional(),
  })
  .refine((q) => q.topic !== undefined || q.brokerId !== undefined, {
    message: 'Choose a topic or a broker to search',
  });
export type HangingQuery = z.infer<typeof HangingQuerySchema>;

export const hangingReasons = ['unknown_producer', 'not_in_transaction'] as const;

export const HangingTransactionSchema = z.object({
  topic: z.string(),
  partition: z.number().int(),
  producerId: z.number(),
  producerEpoch: z.number(),
  coordinatorEpoch: z.number(),
  startOffset: z.number(),
  lastTimestamp: z.number(),
  durationMs: z.number(),
  /** The transactional id the coordinators hold for the producer id, if any. */
  transactionalId: z.string().nullable(),
  /**
   * unknown_producer: no coordinator knows the producer id (or its transactional id is gone);
   * not_in_transaction: its transactional id's current transaction does not hold the partition.
   */
  reason: z.enum(hangingReasons),
});
export type HangingTransaction = z.infer<typeof HangingTransactionSchema>;

export const HangingListSchema = z.object({
  items: z.array(HangingTransactionSchema),
  olderThanMs: z.number(),
  partitionsSearched: z.number().int(),
  /** Partitions DescribeProducers gave nothing for: Kafka's error name and why (as errorMessage above). */
  failedPartitions: z.array(
    z.object({ topic: z.string(), partition: z.number().int(), error: z.string(), errorMessage: z.string() }),
  ),
});
export type HangingList = z.infer<typeof HangingListSchema>;

export const AbortTransactionSchema = z
  .object({
    topic: z.string().min(1).max(249),
    partition: z.number().int().min(0),
    producerId: z.number().int().min(0),
    /**
     * The open transaction previewed: its producer epoch, first offset and (from the preview) the
     * coordinator epoch. The server re-reads DescribeProducers and refuses (409) when the producer's
     * open transaction is another one now, so an abort never ends a transaction nobody saw.
     * Required to apply; a preview checks those it is given.
     */
    producerEpoch: z.number().int().min(0).optional(),
    startOffset: z.number().int().min(0).optional(),
    coordinatorEpoch: z.number().int().min(0).optional(),
    /** A preview (nothing written) when true. */
    dryRun: z.boolean().default(false),
  })
  .refine((b) => b.dryRun || (b.producerEpoch !== undefined && b.startOffset !== undefined), {
    message: 'Preview the abort first: applying it needs the previewed producerEpoch and startOffset',
    path: ['startOffset'],
  });
export type AbortTransaction = z.infer<typeof AbortTransactionSchema>;

export const AbortPreviewSchema = z.object({
  applied: z.boolean(),
  topic: z.string(),
  partition: z.number().int(),
  producerId: z.number(),
  producerEpoch: z.number(),
  coordinatorEpoch: z.number(),
  /** The open transaction's first offset, before the abort. */
  startOffset: z.number(),
  before: z.object({ lastStableOffset: z.number().nullable(), highWatermark: z.number().nullable() }),
  /** After the abort (applied only): a read_committed consumer now reads up to here. */
  after: z
    .object({ lastStableOffset: z.number().nullable(), highWatermark: z.number().nullable() })
    .nullable(),
});
export type AbortPreview = z.infer<typeof AbortPreviewSchema>;
