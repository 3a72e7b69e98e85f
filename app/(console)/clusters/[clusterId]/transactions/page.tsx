import { Prefetched } from '@/components/layout/prefetched';
import { TransactionsLoading, TransactionsView } from '@/components/transactions/transactions-view';
import { transactionListOptions } from '@/lib/query/transactions';
import { TransactionListSchema } from '@/lib/schemas/transaction';
import { parseUrlState, searchOf } from '@/lib/url-state/core';
import { transactionListView } from '@/lib/url-state/lists';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { listTransactions } from '@/server/services/transactions';

interface Props {
  params: Promise<{ clusterId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The first page of transactional ids comes with the HTML; the list then polls from the browser. */
export default async function TransactionsPage({ params, searchParams }: Props) {
  const session = await pageSession();
  const { clusterId } = await params;
  // The address read as the list reads it in the browser (useUrlList), so that the keys are the same.
  const query = parseUrlState(transactionListView, searchOf(await searchParams));
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
