import { Alert } from '@/components/ui/alert';
import { plural } from '@/lib/format/text';

interface Failure {
  topic: string;
  partition: number;
  errorMessage: string | null;
  error: string | null;
}

const SHOWN = 5;

/**
 * Partitions DescribeProducers gave nothing for, grouped by why (the same reason for every partition
 * of a leader, or of a topic the console may not read): the reason in full, then which partitions.
 */
export function ProducerFailures({ failures, lead }: { failures: Failure[]; lead: string }) {
  if (failures.length === 0) return null;
  const byReason = new Map<string, string[]>();
  for (const f of failures) {
    const reason = f.errorMessage ?? f.error ?? 'unknown error';
    byReason.set(reason, [...(byReason.get(reason) ?? []), `${f.topic}-${f.partition}`]);
  }
  return (
    <Alert tone="warning" data-testid="producer-failures">
      <p>
        {plural(failures.length, 'partition')} {lead}:
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {[...byReason].map(([reason, partitions]) => (
          <li key={reason} data-testid="producer-failure">
            <span className="break-words">{reason}</span>{' '}
            <span className="font-mono text-xs">
              ({partitions.slice(0, SHOWN).join(', ')}
              {partitions.length > SHOWN ? ` +${partitions.length - SHOWN}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
