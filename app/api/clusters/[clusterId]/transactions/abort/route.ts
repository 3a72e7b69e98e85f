// POST /api/clusters/:clusterId/transactions/abort — preview (dryRun) or write an ABORT marker for a producer's open transaction on a partition, the one previewed (producerEpoch, startOffset; 409 when another is open)
import { AbortTransactionSchema } from '@/lib/schemas/transaction';
import { mutation } from '@/server/http/mutation';
import { abortTransaction } from '@/server/services/transactions';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = mutation<'/api/clusters/[clusterId]/transactions/abort'>(
  'transaction.abort',
  async ({ cluster, body, recordChange }) => {
    const result = await abortTransaction(cluster, await body(AbortTransactionSchema));
    if (result.applied) {
      const { producerId, producerEpoch, coordinatorEpoch, startOffset } = result;
      recordChange({
        before: { open: true, producerId, producerEpoch, coordinatorEpoch, startOffset, ...result.before },
        after: { open: false, ...result.after },
      });
    }
    return result;
  },
);
