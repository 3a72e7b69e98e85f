import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { LagHealth } from '@/lib/schemas/group';

const health: Record<LagHealth, { label: string; tone: BadgeTone; title: string }> = {
  expired: {
    label: 'Expired — data lost',
    tone: 'critical',
    title: 'Retention deleted messages before this group read them',
  },
  stalled: {
    label: 'Stalled',
    tone: 'warning',
    title: 'Lag grows while the committed offsets do not move',
  },
  lagging: { label: 'Lagging', tone: 'caution', title: 'Behind the log end, but consuming' },
  stopped: { label: 'Stopped', tone: 'neutral', title: 'No member is consuming' },
  caught_up: { label: 'Caught up', tone: 'success', title: 'No lag' },
  unknown: { label: 'Unknown', tone: 'neutral', title: 'Lag could not be computed' },
};

/** How a group (or one of its partitions) is doing; an expired one is loud on purpose. */
export function HealthBadge({ value, className }: { value: LagHealth; className?: string }) {
  const { label, tone, title } = health[value];
  return (
    <Badge tone={tone} title={title} data-testid="health-badge" data-health={value} className={className}>
      {label}
    </Badge>
  );
}

const stateTones: Record<string, BadgeTone> = {
  Stable: 'success',
  Empty: 'neutral',
  PreparingRebalance: 'warning',
  CompletingRebalance: 'warning',
  Assigning: 'warning',
  Reconciling: 'warning',
  NotReady: 'warning',
  Dead: 'danger',
};

/** The coordinator's word for the group: Stable, Empty, PreparingRebalance (classic), Reconciling (consumer)… */
export function GroupStateBadge({ state }: { state: string | null }) {
  if (!state) return <span className="text-zinc-400 dark:text-zinc-600">—</span>;
  return (
    <Badge tone={stateTones[state] ?? 'neutral'} data-testid="group-state" data-state={state}>
      {state}
    </Badge>
  );
}
