import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatCount } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { formatTimestamp, timeTitle } from '@/lib/format/time';
import { ruleKinds, type RuleKind, type Severity } from '@/lib/schemas/alerts';

const severityTone: Record<Severity, BadgeTone> = {
  info: 'neutral',
  warning: 'warning',
  critical: 'critical',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge tone={severityTone[severity]}>{severity}</Badge>;
}

/** A value or threshold in the unit of its kind: a duration for time lag, a count for the rest. */
export function formatValue(kind: RuleKind | undefined, value: number | null): string {
  if (value === null) return '—';
  return kind && ruleKinds[kind].threshold === 'duration' ? formatDuration(value) : formatCount(value);
}

export function Time({ ms }: { ms: number | null }) {
  if (ms === null) return <>—</>;
  return (
    <time
      dateTime={new Date(ms).toISOString()}
      title={timeTitle(ms)}
      className="whitespace-nowrap tabular-nums"
    >
      {formatTimestamp(ms, { millis: false })}
    </time>
  );
}

/** `group:orders-app/topic:orders` → `orders-app · orders`, the cluster-wide subject as "whole cluster". */
export function subjectLabel(subject: string): string {
  if (subject === 'cluster') return 'whole cluster';
  return subject.replace(/^group:/, '').replace('/topic:', ' · ');
}
