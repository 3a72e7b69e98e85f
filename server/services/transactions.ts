import 'server-only';
import type {
  AbortPreview,
  AbortTransaction,
  HangingList,
  HangingQuery,
  PartitionProducersView,
  TransactionList,
  TransactionListQuery,
  TransactionSummary,
} from '@/lib/schemas/transaction';
import type { ClusterConfig } from '@/server/config/schema';
import { AppError } from '@/server/http/app-error';
import {
  kafka,
  partitionKey,
  type DescribedTransaction,
  type PartitionProducers,
  type TopicMeta,
} from '@/server/kafka';
import { hangingOf, openCandidates } from '@/server/services/hanging';
import { findTopic } from '@/server/services/resolve';
import {
  markerError,
  producersFailureError,
  producersFailureText,
} from '@/server/services/transaction-errors';
import { changing } from '@/server/services/snapshot';

/** Kafka's default transaction.max.timeout.ms, when the brokers' config cannot be read. */
const DEFAULT_MAX_TIMEOUT_MS = 900_000;
/** The states in which a transactional id has a transaction open; its start time means nothing otherwise. */
const OPEN_STATES = new Set(['Ongoing', 'PrepareCommit', 'PrepareAbort']);

/**
 * One page of the transactional ids. ListTransactions (one per broker) gives every id with its state
 * and coordinator; the filters and the page are cut from that, and only the page's ids are described:
 * one DescribeTransactions per coordinator of the page, in parallel, at most `pageSize` ids in all.
 * The cost grows with the brokers and the page, not with the ids the cluster keeps.
 */
export async function listTransactions(
  cluster: ClusterConfig,
  query: TransactionListQuery,
): Promise<TransactionList> {
  const gateway = kafka(cluster);
  const listed = await gateway.listTransactions(query.state ? { states: [query.state] } : {});
  const needle = query.q.toLowerCase();
  const matching = listed.transactions.filter(
    (t) => !needle || t.transactionalId.toLowerCase().includes(needle),
  );
  const start = (query.page - 1) * query.pageSize;
  const page = matching.slice(start, start + query.pageSize);
  const described =
    page.length > 0 ? await gateway.describeTransactions(page) : new Map<string, DescribedTransaction>();
  const items: TransactionSummary[] = page.map((t) => {
    const d = described.get(t.transactionalId);
    const ok = d && !d.error;
    return {
      transactionalId: t.transactionalId,
      state: ok ? d.state : t.state,
      producerId: ok ? d.producerId : t.producerId,
      producerEpoch: ok ? d.producerEpoch : null,
      timeoutMs: ok ? d.timeoutMs : null,
      startTimeMs: ok && OPEN_STATES.has(d.state) && d.startTimeMs >= 0 ? d.startTimeMs : null,
      coordinator: t.coordinator,
      partitions: ok ? d.partitions : [],
    };
  });
  return {
    items,
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    unavailableBrokers: listed.unavailableBrokers,
    unsupported: listed.unsupported,
  };
}

/** One transactional id as its coordinator describes it, or a 404. */
export async function transactionDetail(
  cluster: ClusterConfig,
  transactionalId: string,
): Promise<TransactionSummary> {
  const gateway = kafka(cluster);
  const d = (await gateway.describeTransactions([transactionalId])).get(transactionalId);
  if (!d || d.error === 'TRANSACTIONAL_ID_NOT_FOUND')
    throw new AppError('not_found', `Transactional id "${transactionalId}" does not exist`);
  if (d.error) throw new AppError('broker_unavailable', `DescribeTransactions answered ${d.error}`);
  const listed = await gateway.listTransactions({ producerIds: [d.producerId] });
  return {
    transactionalId,
    state: d.state,
    producerId: d.producerId,
    producerEpoch: d.producerEpoch,
    timeoutMs: d.timeoutMs,
    startTimeMs: OPEN_STATES.has(d.state) && d.startTimeMs >= 0 ? d.startTimeMs : null,
    coordinator: listed.transactions.find((t) => t.transactionalId === transactionalId)?.coordinator ?? -1,
    partitions: d.partitions,
  };
}

const view = (cluster: ClusterConfig, p: PartitionProducers): PartitionProducersView => ({
  topic: p.topic,
  partition: p.partition,
  error: p.error,
  errorMessage: p.error ? producersFailureText(cluster, { ...p, error: p.error }) : null,
  producers: p.producers.map((s) => ({
    ...s,
    currentTxnStartOffset: s.currentTxnStartOffset >= 0 ? s.currentTxnStartOffset : null,
  })),
});

const leaderPartitions = (topic: TopicMeta) =>
  topic.partitions.map((p) => ({ topic: topic.name, partition: p.partition, leader: p.leader }));

/** The active producers of every partition of a topic (DescribeProducers to each leader). */
export async function topicProducers(
  cluster: ClusterConfig,
  topicName: string,
): Promise<PartitionProducersView[]> {
  const { topic } = await findTopic(cluster, topicName);
  return (await kafka(cluster).describeProducers(leaderPartitions(topic))).map((p) => view(cluster, p));
}

async function maxTransactionTimeoutMs(cluster: ClusterConfig, brokerId: number): Promise<number> {
  try {
    const entry = (await kafka(cluster).brokerConfigs(brokerId)).find(
      (c) => c.name === 'transaction.max.timeout.ms',
    );
    const value = Number(entry?.value);
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_TIMEOUT_MS;
  } catch {
    return DEFAULT_MAX_TIMEOUT_MS;
  }
}

/**
 * Hanging transactions, as kafka-transactions find-hanging finds them: open transactions on the
 * partitions of a topic (or with a replica on a broker) older than the brokers' maximum transaction
 * time-out, whose producer id no coordinator knows or whose transaction no longer holds the partition.
 */
export async function findHanging(cluster: ClusterConfig, query: HangingQuery): Promise<HangingList> {
  const gateway = kafka(cluster);
  let partitions: { topic: string; partition: number; leader: number | null }[];
  if (query.topic) {
    const { topic } = await findTopic(cluster, query.topic);
    partitions = leaderPartitions(topic);
  } else {
    const topology = await gateway.metadata('all');
    partitions = topology.topics.flatMap((t) =>
      t.partitions
        .filter((p) => p.replicas.includes(query.brokerId!))
        .map((p) => ({ topic: t.name, partition: p.partition, leader: p.leader })),
    );
  }
  const leaders = [...new Set(partitions.map((p) => p.leader).filter((l): l is number => l !== null))];
  const olderThanMs =
    query.olderThanMs ?? (await maxTransactionTimeoutMs(cluster, query.brokerId ?? leaders[0] ?? 0));
  const described = await gateway.describeProducers(partitions);
  const now = Date.now();
  const views = described.map((p) => view(cluster, p));
  const candidates = openCandidates(views, now, olderThanMs);
  const failedPartitions = views.flatMap((p) =>
    p.error
      ? [{ topic: p.topic, partition: p.partition, error: p.error, errorMessage: p.errorMessage ?? p.error }]
      : [],
  );
  if (candidates.length === 0)
    return { items: [], olderThanMs, partitionsSearched: partitions.length, failedPartitions };
  const producerIds = [...new Set(candidates.map((c) => c.producerId))];
  const listed = await gateway.listTransactions({ producerIds });
  const transactionalIds = new Map<number, string>();
  const found = listed.transactions.filter((t) => producerIds.includes(t.producerId));
  for (const t of found) transactionalIds.set(t.producerId, t.transactionalId);
  const descriptions =
    found.length > 0 ? await gateway.describeTransactions(found) : new Map<string, DescribedTransaction>();
  const held = new Map<string, { topic: string; partition: number }[]>();
  for (const [id, d] of descriptions) if (!d.error) held.set(id, d.partitions);
  const items = hangingOf(candidates, { transactionalIds, partitions: held }, now);
  return { items, olderThanMs, partitionsSearched: partitions.length, failedPartitions };
}

/** How the open transaction now differs from the one the caller previewed, or null when it is the same. */
function previewDrift(
  previewed: Pick<AbortTransaction, 'producerEpoch' | 'startOffset' | 'coordinatorEpoch'>,
  now: { producerEpoch: number; startOffset: number; coordinatorEpoch: number },
): string | null {
  const diffs: string[] = [];
  if (previewed.producerEpoch !== undefined && previewed.producerEpoch !== now.producerEpoch)
    diffs.push(`producer epoch ${previewed.producerEpoch} previewed, ${now.producerEpoch} now`);
  if (previewed.startOffset !== undefined && previewed.startOffset !== now.startOffset)
    diffs.push(`starting at offset ${previewed.startOffset} previewed, ${now.startOffset} now`);
  if (previewed.coordinatorEpoch !== undefined && previewed.coordinatorEpoch !== now.coordinatorEpoch)
    diffs.push(`coordinator epoch ${previewed.coordinatorEpoch} previewed, ${now.coordinatorEpoch} now`);
  return diffs.length > 0 ? diffs.join('; ') : null;
}

/**
 * Aborts the open transaction of a producer on one partition, as kafka-transactions abort does:
 * an ABORT marker written by WriteTxnMarkers to the leader with the producer's id, epoch and
 * coordinator epoch from DescribeProducers. The preview shows the open transaction and the last
 * stable offset it holds back; applied, the offsets after. Applying names the transaction previewed
 * (epoch, start offset, coordinator epoch): DescribeProducers is read again just before the marker
 * is written, and another open transaction of the producer is refused with a conflict.
 */
export async function abortTransaction(
  cluster: ClusterConfig,
  body: AbortTransaction,
): Promise<AbortPreview> {
  const { topic } = await findTopic(cluster, body.topic);
  const meta = topic.partitions.find((p) => p.partition === body.partition);
  if (!meta) throw new AppError('not_found', `Topic "${body.topic}" has no partition ${body.partition}`);
  if (meta.leader === null)
    throw new AppError('broker_unavailable', `Partition ${body.topic}-${body.partition} has no leader`);
  const gateway = kafka(cluster);
  const target = [{ topic: body.topic, partition: body.partition, leader: meta.leader }];
  const [described] = await gateway.describeProducers(target);
  if (described?.error) throw producersFailureError(cluster, { ...described, error: described.error });
  const producer = described?.producers.find((p) => p.producerId === body.producerId);
  if (!producer || producer.currentTxnStartOffset < 0)
    throw new AppError(
      'conflict',
      `Producer ${body.producerId} has no open transaction on ${body.topic}-${body.partition}`,
    );
  const coordinatorEpoch = Math.max(0, producer.coordinatorEpoch);
  const drifted = previewDrift(body, {
    producerEpoch: producer.producerEpoch,
    startOffset: producer.currentTxnStartOffset,
    coordinatorEpoch,
  });
  if (drifted)
    throw new AppError(
      'conflict',
      `The open transaction of producer ${body.producerId} on ${body.topic}-${body.partition} is not the one ` +
        `previewed (${drifted}): nothing was aborted. Preview again.`,
    );
  const offsets = async () => {
    const o = (await gateway.stableOffsets(target)).get(partitionKey(body.topic, body.partition));
    return { lastStableOffset: o?.lastStable ?? null, highWatermark: o?.high ?? null };
  };
  const preview = {
    topic: body.topic,
    partition: body.partition,
    producerId: producer.producerId,
    producerEpoch: producer.producerEpoch,
    coordinatorEpoch,
    startOffset: producer.currentTxnStartOffset,
    before: await offsets(),
  };
  if (body.dryRun) return { applied: false, ...preview, after: null };
  await changing(cluster, () =>
    gateway.writeTxnMarker(meta.leader!, {
      producerId: producer.producerId,
      producerEpoch: producer.producerEpoch,
      commit: false,
      topic: body.topic,
      partitions: [body.partition],
      coordinatorEpoch: preview.coordinatorEpoch,
    }),
  ).catch((error: unknown) => {
    throw markerError(cluster, error);
  });
  return { applied: true, ...preview, after: await offsets() };
}
