import { Prefetched } from '@/components/layout/prefetched';
import { TransactionsLoading, TransactionsView } from '@/components/transactions/transactions-view';
import { transactionListOptions } from '@/lib/query/transactions';
import { readTransactionQuery, TransactionListSchema } from '@/lib/schemas/transaction';
import { searchOf } from '@/lib/url-state/core';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listTransactions } from '@/server/services/transactions';

interface Props {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The transactional ids come with the HTML; the list then polls from the browser. */
export default async function TransactionsPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  const query = readTransactionQuery(searchOf(await searchParams));
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: transactionListOptions(clusterId, query).queryKey,
      schema: TransactionListSchema,
      load: (cluster) => listTransactions(cluster, query),
    },
  ]);
  return (
    <Prefetched state={state} fallback={<TransactionsLoading />}>
      <TransactionsView />
    </Prefetched>
  );
}
