import { Badge, type BadgeTone } from '@/components/ui/badge';

const TONES: Record<string, BadgeTone> = {
  Ongoing: 'accent',
  PrepareCommit: 'caution',
  PrepareAbort: 'caution',
  PrepareEpochFence: 'warning',
  CompleteCommit: 'success',
  CompleteAbort: 'neutral',
  Empty: 'neutral',
  Dead: 'danger',
};

/** A transaction coordinator's state of a transactional id. */
export function TransactionStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={TONES[state] ?? 'neutral'} data-testid="transaction-state">
      {state}
    </Badge>
  );
}
