'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ProducerFailures } from '@/components/transactions/producer-failures';
import { Badge } from '@/components/ui/badge';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatCount } from '@/lib/format/count';
import { formatTimestamp } from '@/lib/format/time';
import { paths } from '@/lib/paths';
import { topicProducersOptions } from '@/lib/query/transactions';

/** The active producers of each partition (DescribeProducers to the leaders), open transactions marked. */
export function TopicProducers({ clusterId, topic }: { clusterId: string; topic: string }) {
  const query = useQuery(topicProducersOptions(clusterId, topic));
  const hydrated = useHydrated();
  return (
    <section className="space-y-2" data-testid="topic-producers">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold">Active producers</h2>
        <Link
          href={paths.hangingTransactions(clusterId, { topic })}
          className="text-accent-700 dark:text-accent-300 text-xs hover:underline"
          data-testid="topic-find-hanging"
        >
          Find hanging transactions
        </Link>
      </div>
      <QueryView query={query} loading={<Skeleton className="h-16" />}>
        {(partitions) => {
          const rows = partitions.flatMap((p) => p.producers.map((s) => ({ ...s, partition: p.partition })));
          const failed = partitions.filter((p) => p.error);
          const failures = <ProducerFailures failures={failed} lead="could not be read" />;
          return rows.length === 0 ? (
            <>
              {failures}
              {failed.length < partitions.length && (
                <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="topic-producers-empty">
                  No idempotent or transactional producer state on{' '}
                  {failed.length ? 'the partitions that answered' : 'any partition'}.
                </p>
              )}
            </>
          ) : (
            <div className="space-y-2 overflow-x-auto">
              {failures}
              <Table>
                <THead>
                  <tr>
                    <Th className="text-right">Partition</Th>
                    <Th className="text-right">Producer id</Th>
                    <Th className="text-right">Epoch</Th>
                    <Th className="text-right">Last sequence</Th>
                    <Th>Last write</Th>
                    <Th className="text-right">Coord. epoch</Th>
                    <Th className="text-right">Open transaction from</Th>
                  </tr>
                </THead>
                <TBody>
                  {rows.map((r) => (
                    <Tr key={`${r.partition}-${r.producerId}`} data-testid="topic-producer-row">
                      <NumTd>{r.partition}</NumTd>
                      <NumTd>{r.producerId}</NumTd>
                      <NumTd>{r.producerEpoch}</NumTd>
                      <NumTd>{r.lastSequence}</NumTd>
                      <Td className="text-xs whitespace-nowrap">
                        {hydrated ? formatTimestamp(r.lastTimestamp) : '…'}
                      </Td>
                      <NumTd>{r.coordinatorEpoch}</NumTd>
                      <NumTd data-testid="topic-producer-open">
                        {r.currentTxnStartOffset === null ? (
                          <span className="text-zinc-400 dark:text-zinc-600">—</span>
                        ) : (
                          <Badge tone="accent">offset {formatCount(r.currentTxnStartOffset)}</Badge>
                        )}
                      </NumTd>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          );
        }}
      </QueryView>
    </section>
  );
}
