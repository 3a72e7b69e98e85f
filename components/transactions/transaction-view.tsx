'use client';

import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { RefreshStatus } from '@/components/layout/refresh-status';
import { TransactionStateBadge } from '@/components/transactions/state-badge';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatDuration } from '@/lib/format/duration';
import { formatTimestamp } from '@/lib/format/time';
import { decodeSegment } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import { transactionOptions } from '@/lib/query/transactions';
import type { TransactionSummary } from '@/lib/schemas/transaction';

function Facts({ t }: { t: TransactionSummary }) {
  const hydrated = useHydrated();
  const facts: [string, React.ReactNode, string][] = [
    ['State', <TransactionStateBadge key="s" state={t.state} />, 'detail-state'],
    ['Producer id', t.producerId, 'detail-producer-id'],
    ['Producer epoch', t.producerEpoch ?? '—', 'detail-producer-epoch'],
    ['Timeout', t.timeoutMs === null ? '—' : formatDuration(t.timeoutMs), 'detail-timeout'],
    [
      'Transaction started',
      t.startTimeMs === null ? 'no open transaction' : hydrated ? formatTimestamp(t.startTimeMs) : '…',
      'detail-start',
    ],
    ['Coordinator', t.coordinator >= 0 ? `broker ${t.coordinator}` : '—', 'detail-coordinator'],
  ];
  return (
    <Card className="p-4">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 xl:grid-cols-6">
        {facts.map(([label, value, testId]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</dt>
            <dd className="mt-0.5 truncate text-sm" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** One transactional id as its coordinator describes it: state, producer, timeout and the partitions of its open transaction. */
export function TransactionView() {
  const { clusterId, transactionalId: raw } = useParams<{ clusterId: string; transactionalId: string }>();
  const transactionalId = decodeSegment(raw);
  const query = useQuery(transactionOptions(clusterId, transactionalId));
  return (
    <div data-testid="transaction-page" className="space-y-4">
      <PageHeader
        title={transactionalId}
        back={{ href: paths.transactions(clusterId), label: 'Transactions' }}
        description="As its transaction coordinator describes it (DescribeTransactions)."
        actions={<RefreshStatus query={query} intervalMs={10_000} />}
      />
      <QueryView query={query} loading={<Skeleton className="h-24" />}>
        {(t) => (
          <div className="space-y-4">
            <Facts t={t} />
            <section className="space-y-2">
              <h2 className="text-sm font-semibold">Partitions in the transaction</h2>
              {t.partitions.length === 0 ? (
                <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="detail-no-partitions">
                  None: no transaction is open, or every marker is written.
                </p>
              ) : (
                <Table data-testid="detail-partitions">
                  <THead>
                    <tr>
                      <Th>Topic</Th>
                      <Th className="text-right">Partition</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {t.partitions.map((p) => (
                      <Tr key={`${p.topic}-${p.partition}`}>
                        <Td className="font-mono text-xs">{p.topic}</Td>
                        <Td className="text-right tabular-nums">{p.partition}</Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </section>
          </div>
        )}
      </QueryView>
    </div>
  );
}
