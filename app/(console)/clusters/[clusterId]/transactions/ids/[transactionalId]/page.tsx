import { Prefetched } from '@/components/layout/prefetched';
import { TransactionView } from '@/components/transactions/transaction-view';
import { decodeSegment } from '@/lib/format/text';
import { transactionOptions } from '@/lib/query/transactions';
import { TransactionSummarySchema } from '@/lib/schemas/transaction';
import { pageSession, prefetchCluster } from '@/server/http/prefetch';
import { transactionDetail } from '@/server/services/transactions';

interface Props {
  params: Promise<{ clusterId: string; transactionalId: string }>;
}

export default async function TransactionPage({ params }: Props) {
  const session = await pageSession();
  const { clusterId, transactionalId } = await params;
  const id = decodeSegment(transactionalId);
  const state = prefetchCluster(session, clusterId, [
    {
      queryKey: transactionOptions(clusterId, id).queryKey,
      schema: TransactionSummarySchema,
      load: (cluster) => transactionDetail(cluster, id),
    },
  ]);
  return (
    <Prefetched state={state} fallback={null}>
      <TransactionView />
    </Prefetched>
  );
}
