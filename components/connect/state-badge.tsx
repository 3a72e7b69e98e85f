import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ConnectorState } from '@/lib/schemas/connect';

const tones: Record<ConnectorState, BadgeTone> = {
  RUNNING: 'success',
  PAUSED: 'caution',
  STOPPED: 'neutral',
  FAILED: 'danger',
  UNASSIGNED: 'warning',
  RESTARTING: 'accent',
};

export function StateBadge({ state, testId }: { state: ConnectorState; testId?: string }) {
  return (
    <Badge tone={tones[state]} data-testid={testId} data-state={state}>
      {state.toLowerCase()}
    </Badge>
  );
}
