import { HangingView } from '@/components/transactions/hanging-view';

/** The hanging search runs when asked (it reads every partition of a topic or a broker): nothing to prefetch. */
export default function HangingTransactionsPage() {
  return <HangingView />;
}
