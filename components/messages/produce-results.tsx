import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { paths } from '@/lib/paths';
import { plural } from '@/lib/format/text';
import type { ProduceResult } from '@/lib/schemas/message';

const shown = 50;

/** Where each produced message landed, each a link to its own page (no offset with acks=0). */
export function ProduceResults({
  clusterId,
  topic,
  result,
}: {
  clusterId: string;
  topic: string;
  result: ProduceResult;
}) {
  const rows = result.results;
  return (
    <Alert tone="success" data-testid="produce-results">
      <p className="font-medium">Sent {plural(rows.length, 'message')}.</p>
      <ul className="mt-1 max-h-40 space-y-0.5 overflow-auto font-mono text-xs">
        {rows.slice(0, shown).map((r, i) => (
          <li key={i} data-testid="produce-result" data-partition={r.partition} data-offset={r.offset ?? ''}>
            {r.offset === null ? (
              <span>partition {r.partition} · offset unknown (acks=0)</span>
            ) : (
              <Link
                href={paths.message(clusterId, topic, r.partition, r.offset)}
                className="underline underline-offset-2 hover:no-underline"
              >
                partition {r.partition} · offset {r.offset}
              </Link>
            )}
          </li>
        ))}
        {rows.length > shown && <li>… and {rows.length - shown} more</li>}
      </ul>
    </Alert>
  );
}
