import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TransactionState } from '@/lib/schemas/message';

const looks: Record<TransactionState, { tone: BadgeTone; label: string; long: string; title: string }> = {
  committed: {
    tone: 'success',
    label: 'committed',
    long: 'committed transaction',
    title: 'Written in a transaction that committed: read_committed consumers see it',
  },
  aborted: {
    tone: 'danger',
    label: 'aborted',
    long: 'aborted transaction',
    title: 'Written in a transaction that was aborted: read_committed consumers never see it',
  },
  open: {
    tone: 'caution',
    label: 'open txn',
    long: 'open transaction',
    title:
      'Its transaction has not ended (no commit or abort up to the high watermark): read_committed consumers do not see it yet',
  },
  unknown: {
    tone: 'neutral',
    label: 'txn ?',
    long: 'transaction end not read',
    title: 'Written in a transaction whose end lies further on than the console reads ahead',
  },
};

/**
 * How the message's transaction ended. Lists show it, briefly, only where a read_committed consumer
 * would differ from this uncommitted view (committed records are the usual case there); the detail
 * names every outcome.
 */
export function TransactionBadge({
  transaction,
  detail = false,
  'data-testid': testId = 'message-transaction',
}: {
  transaction: TransactionState | null;
  detail?: boolean;
  'data-testid'?: string;
}) {
  if (transaction === null || (transaction === 'committed' && !detail)) return null;
  const look = looks[transaction];
  return (
    <Badge
      tone={look.tone}
      title={look.title}
      className="shrink-0"
      data-testid={testId}
      data-state={transaction}
    >
      {detail ? look.long : look.label}
    </Badge>
  );
}
