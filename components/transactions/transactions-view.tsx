'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { TransactionStateBadge } from '@/components/transactions/state-badge';
import { TransactionTabs } from '@/components/transactions/transaction-tabs';
import { Alert } from '@/components/ui/alert';
import { Select } from '@/components/ui/field';
import { IconTransactions } from '@/components/ui/icons';
import { PagedList } from '@/components/ui/paged-list';
import { QueryView } from '@/components/ui/query-view';
import { SearchInput } from '@/components/ui/search-input';
import { Skeleton } from '@/components/ui/spinner';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useUrlList } from '@/components/ui/use-url-state';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatDuration, timeAgo } from '@/lib/format/duration';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { transactionListOptions } from '@/lib/query/transactions';
import {
  transactionStates,
  type TransactionListQuery,
  type TransactionSummary,
} from '@/lib/schemas/transaction';
import { transactionListView } from '@/lib/url-state/lists';

const muted = <span className="text-zinc-400 dark:text-zinc-600">—</span>;

function partitionsText(t: TransactionSummary): string {
  if (t.partitions.length === 0) return '';
  const shown = t.partitions.slice(0, 3).map((p) => `${p.topic}-${p.partition}`);
  return t.partitions.length > 3 ? `${shown.join(', ')} +${t.partitions.length - 3}` : shown.join(', ');
}

function TransactionTable({
  clusterId,
  items,
  now,
}: {
  clusterId: string;
  items: TransactionSummary[];
  /** When the list was read: ages are counted from there. */
  now: number;
}) {
  // Ages depend on the browser's clock: drawn once hydrated, so the server's HTML and the first render agree.
  const hydrated = useHydrated();
  return (
    <div className="overflow-x-auto">
      <Table data-testid="transactions-table">
        <THead>
          <tr>
            <Th>Transactional id</Th>
            <Th>State</Th>
            <Th className="text-right">Producer id</Th>
            <Th className="hidden text-right xl:table-cell">Epoch</Th>
            <Th className="text-right">Timeout</Th>
            <Th>Open since</Th>
            <Th>Partitions</Th>
            <Th className="hidden text-right xl:table-cell">Coordinator</Th>
          </tr>
        </THead>
        <TBody>
          {items.map((t) => (
            <Tr key={t.transactionalId} data-testid="transaction-row" data-id={t.transactionalId}>
              <Td
                className="max-w-[12rem] truncate font-mono text-xs xl:max-w-[18rem]"
                title={t.transactionalId}
              >
                <Link
                  href={paths.transaction(clusterId, t.transactionalId)}
                  className="text-accent-700 dark:text-accent-300 hover:underline"
                >
                  {t.transactionalId}
                </Link>
              </Td>
              <Td>
                <TransactionStateBadge state={t.state} />
              </Td>
              <NumTd data-testid="transaction-producer-id">{t.producerId}</NumTd>
              <NumTd className="hidden xl:table-cell">{t.producerEpoch ?? muted}</NumTd>
              <NumTd>{t.timeoutMs === null ? muted : formatDuration(t.timeoutMs)}</NumTd>
              <Td className="whitespace-nowrap">
                {t.startTimeMs === null || !hydrated ? muted : timeAgo(t.startTimeMs, now)}
              </Td>
              <Td
                className="max-w-[10rem] truncate font-mono text-xs xl:max-w-[16rem]"
                title={partitionsText(t)}
              >
                {partitionsText(t) || muted}
              </Td>
              <NumTd className="hidden xl:table-cell">{t.coordinator}</NumTd>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

/**
 * The transactional ids the coordinators keep, a page at a time (filtered and paged on the server),
 * with state, producer, timeout and partitions.
 */
export function TransactionsView() {
  const { clusterId } = useParams<{ clusterId: string }>();
  const { query, set } = useUrlList(transactionListView, (next) => paths.transactions(clusterId, next));
  const list = useQuery(transactionListOptions(clusterId, query));

  return (
    <div data-testid="transactions-page" className="space-y-4">
      <PageHeader
        title="Transactions"
        description={
          list.data
            ? `${plural(list.data.total, 'transactional id')}${query.state ? ` in state ${query.state}` : ''}`
            : 'Transactional producers as their coordinators know them.'
        }
        actions={<RefreshStatus query={list} intervalMs={10_000} />}
      />
      <TransactionTabs clusterId={clusterId} current="list" />
      <div className="flex flex-wrap items-center gap-2">
        <SearchInput
          value={query.q}
          onSearch={(q) => set({ q, page: 1 }, 'replace')}
          placeholder="Filter transactional ids"
          aria-label="Filter transactional ids"
          className="w-72"
          data-testid="transactions-search"
        />
        <div className="w-48">
          <Select
            aria-label="State"
            value={query.state ?? ''}
            onChange={(e) =>
              set({ state: (e.target.value || undefined) as TransactionListQuery['state'], page: 1 })
            }
            data-testid="transactions-state-filter"
          >
            <option value="">Every state</option>
            {transactionStates.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <QueryView query={list} loading={<Skeleton className="h-40" />}>
        {(data) => (
          <>
            {data.unsupported && (
              <Alert tone="warning" data-testid="transactions-unsupported">
                This cluster does not support listing transactions (ListTransactions needs Kafka 3.0 or
                later).
              </Alert>
            )}
            {data.unavailableBrokers.length > 0 && (
              <Alert tone="warning" data-testid="transactions-partial">
                {plural(data.unavailableBrokers.length, 'broker')} did not answer (
                {data.unavailableBrokers.join(', ')}): the transactional ids they coordinate are missing.
              </Alert>
            )}
            <PagedList
              count={data.items.length}
              total={data.total}
              page={query.page}
              pageSize={query.pageSize}
              noun="transactional ids"
              onPage={(page) => set({ page })}
              onPageSize={(pageSize) => set({ pageSize, page: 1 })}
              icon={<IconTransactions className="size-8" />}
              emptyTitle="No transactional ids"
              emptyText={
                query.q || query.state
                  ? 'None matches the filter.'
                  : 'No producer with a transactional id has written to this cluster (or their ids expired).'
              }
              data-testid="transactions-empty"
            >
              <TransactionTable clusterId={clusterId} items={data.items} now={list.dataUpdatedAt} />
            </PagedList>
          </>
        )}
      </QueryView>
    </div>
  );
}

export function TransactionsLoading() {
  return (
    <div data-testid="transactions-page" className="space-y-4">
      <PageHeader
        title="Transactions"
        description="Transactional producers as their coordinators know them."
      />
      <Skeleton className="h-40" />
    </div>
  );
}
