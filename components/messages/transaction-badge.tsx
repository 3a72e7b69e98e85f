import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TransactionState } from '@/lib/schemas/message';

const looks: Record<TransactionState, { tone: BadgeTone; label: string; title: string }> = {
  committed: {
    tone: 'success',
    label: 'committed',
    title: 'Written in a transaction that committed: read_committed consumers see it',
  },
  aborted: {
    tone: 'danger',
    label: 'aborted',
    title: 'Written in a transaction that was aborted: read_committed consumers never see it',
  },
  open: {
    tone: 'caution',
    label: 'open txn',
    title:
      'Its transaction has not ended (no commit or abort up to the high watermark): read_committed consumers do not see it yet',
  },
  unknown: {
    tone: 'neutral',
    label: 'txn ?',
    title: 'Written in a transaction whose end lies further on than the console reads ahead',
  },
};

/**
 * How the message's transaction ended. Lists show it only where a read_committed consumer would
 * differ from this uncommitted view (committed records are the usual case there).
 */
export function TransactionBadge({
  transaction,
  showCommitted = false,
  'data-testid': testId = 'message-transaction',
}: {
  transaction: TransactionState | null;
  showCommitted?: boolean;
  'data-testid'?: string;
}) {
  if (transaction === null || (transaction === 'committed' && !showCommitted)) return null;
  const look = looks[transaction];
  return (
    <Badge
      tone={look.tone}
      title={look.title}
      className="shrink-0"
      data-testid={testId}
      data-state={transaction}
    >
      {look.label}
    </Badge>
  );
}
