'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { AbortTransactionDialog } from '@/components/transactions/abort-dialog';
import { ProducerFailures } from '@/components/transactions/producer-failures';
import { TransactionTabs } from '@/components/transactions/transaction-tabs';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Input } from '@/components/ui/field';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatCount } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { usePermission } from '@/lib/query/auth';
import { hangingOptions } from '@/lib/query/transactions';
import type { HangingSearch } from '@/lib/api/transactions';
import type { HangingList, HangingTransaction } from '@/lib/schemas/transaction';

/** The search as the address holds it: `?topic=orders&olderThan=60` (seconds) or `?broker=1`. */
function readSearch(search: { get(name: string): string | null }): HangingSearch | null {
  const topic = search.get('topic')?.trim() || undefined;
  const broker = search.get('broker');
  const brokerId = broker && /^\d+$/.test(broker) ? Number(broker) : undefined;
  const olderThan = search.get('olderThan');
  const olderThanMs = olderThan && /^\d+$/.test(olderThan) ? Number(olderThan) * 1000 : undefined;
  if (topic === undefined && brokerId === undefined) return null;
  return { topic, brokerId, olderThanMs };
}

const REASONS: Record<HangingTransaction['reason'], string> = {
  unknown_producer: 'no coordinator knows the producer',
  not_in_transaction: 'its transaction no longer holds the partition',
};

function HangingTable({
  list,
  canAbort,
  abortReason,
  onAbort,
}: {
  list: HangingList;
  canAbort: boolean;
  abortReason: string | null;
  onAbort: (h: HangingTransaction) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <Table data-testid="hanging-table">
        <THead>
          <tr>
            <Th>Partition</Th>
            <Th className="text-right">Producer id</Th>
            <Th className="hidden text-right xl:table-cell">Epoch</Th>
            <Th className="hidden text-right xl:table-cell">Coord. epoch</Th>
            <Th className="text-right">Start offset</Th>
            <Th className="text-right">Open for</Th>
            <Th>Why it hangs</Th>
            <Th />
          </tr>
        </THead>
        <TBody>
          {list.items.map((h) => (
            <Tr
              key={`${h.topic}-${h.partition}-${h.producerId}`}
              data-testid="hanging-row"
              data-topic={h.topic}
            >
              <Td
                className="max-w-[11rem] truncate font-mono text-xs xl:max-w-[16rem]"
                title={`${h.topic}-${h.partition}`}
              >
                {h.topic}-{h.partition}
              </Td>
              <NumTd data-testid="hanging-producer-id">{h.producerId}</NumTd>
              <NumTd className="hidden xl:table-cell">{h.producerEpoch}</NumTd>
              <NumTd className="hidden xl:table-cell">{h.coordinatorEpoch}</NumTd>
              <NumTd data-testid="hanging-start-offset">{formatCount(h.startOffset)}</NumTd>
              <NumTd>{formatDuration(Math.round(h.durationMs / 1000) * 1000)}</NumTd>
              <Td className="text-xs whitespace-nowrap">
                <span title={`${REASONS[h.reason]}${h.transactionalId ? ` (${h.transactionalId})` : ''}`}>
                  <Badge tone="warning">
                    {h.reason === 'unknown_producer' ? 'unknown producer' : 'not in transaction'}
                  </Badge>
                </span>
              </Td>
              <Td className="text-right">
                <Button
                  size="sm"
                  variant="danger"
                  disabled={!canAbort}
                  title={abortReason ?? undefined}
                  onClick={() => onAbort(h)}
                  data-testid="hanging-abort-button"
                >
                  Abort…
                </Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

/** Open transactions that no coordinator will end, as kafka-transactions find-hanging finds them, with abort. */
export function HangingView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const search = useSearchParams();
  const router = useRouter();
  const current = readSearch(search);
  const [topic, setTopic] = useState(search.get('topic') ?? '');
  const [broker, setBroker] = useState(search.get('broker') ?? '');
  const [olderThan, setOlderThan] = useState(search.get('olderThan') ?? '');
  const [aborting, setAborting] = useState<HangingTransaction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery(hangingOptions(clusterId, current));
  const permission = usePermission(clusterId, 'transaction.abort');

  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    router.replace(
      paths.hangingTransactions(clusterId, {
        topic: topic.trim() || undefined,
        broker: topic.trim() ? undefined : broker.trim() || undefined,
        olderThan: olderThan.trim() || undefined,
      }),
      { scroll: false },
    );
  }

  return (
    <div data-testid="hanging-page" className="space-y-4">
      <PageHeader
        title="Transactions"
        description="Hanging transactions: open on a partition, older than the longest transaction time-out, and unknown to their coordinator. They hold read_committed consumers back until aborted."
      />
      <TransactionTabs clusterId={clusterId} current="hanging" />
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="hanging-form">
        <Field label="Topic" htmlFor="hanging-topic" className="w-64">
          <Input
            id="hanging-topic"
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            placeholder="orders"
            data-testid="hanging-topic"
          />
        </Field>
        <Field label="or broker id" htmlFor="hanging-broker" className="w-32">
          <Input
            id="hanging-broker"
            value={broker}
            inputMode="numeric"
            onChange={(e) => setBroker(e.target.value)}
            placeholder="1"
            data-testid="hanging-broker"
          />
        </Field>
        <Field label="Open longer than (s)" htmlFor="hanging-older" className="w-44">
          <Input
            id="hanging-older"
            value={olderThan}
            inputMode="numeric"
            onChange={(e) => setOlderThan(e.target.value)}
            placeholder="max timeout"
            data-testid="hanging-older-than"
          />
        </Field>
        <Button type="submit" variant="primary" data-testid="hanging-search-button">
          Find hanging
        </Button>
      </form>
      {notice && (
        <Alert tone="success" data-testid="hanging-notice">
          {notice}
        </Alert>
      )}
      {current === null ? (
        <EmptyState title="Choose a topic or a broker" data-testid="hanging-idle">
          The search asks each partition&apos;s leader for its producers (DescribeProducers) and the
          coordinators for their transactions. By default only transactions open longer than the brokers&apos;
          transaction.max.timeout.ms count.
        </EmptyState>
      ) : (
        <QueryView query={query} loading={<Skeleton className="h-32" />}>
          {(list) => (
            <div className="space-y-3">
              <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="hanging-summary">
                {plural(list.partitionsSearched, 'partition')} searched · open longer than{' '}
                {formatDuration(list.olderThanMs)} · {plural(list.items.length, 'hanging transaction')}
              </p>
              <ProducerFailures failures={list.failedPartitions} lead="could not be searched" />
              {list.items.length === 0 ? (
                <EmptyState title="No hanging transaction" data-testid="hanging-empty">
                  Every open transaction found is known to its coordinator or younger than the threshold.
                </EmptyState>
              ) : (
                <HangingTable
                  list={list}
                  canAbort={permission.allowed}
                  abortReason={permission.reason}
                  onAbort={setAborting}
                />
              )}
            </div>
          )}
        </QueryView>
      )}
      <AbortTransactionDialog
        clusterId={clusterId}
        hanging={aborting}
        onClose={() => setAborting(null)}
        onDone={(result) => {
          setAborting(null);
          setNotice(
            `Aborted the transaction of producer ${result.producerId} on ${result.topic}-${result.partition}: the last stable offset moved from ${result.before.lastStableOffset ?? '—'} to ${result.after?.lastStableOffset ?? '—'}.`,
          );
          void query.refetch();
        }}
      />
    </div>
  );
}
