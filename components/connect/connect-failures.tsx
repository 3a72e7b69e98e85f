import Link from 'next/link';
import { StateBadge } from '@/components/connect/state-badge';
import { IntentLink } from '@/components/ui/intent-link';
import { Table, TBody, Td, Th, THead, Tr } from '@/components/ui/table';
import { plural } from '@/lib/format/text';
import { connectPaths } from '@/lib/paths';
import type { ConnectorState } from '@/lib/schemas/connect';
import type { ConnectHealth } from '@/lib/schemas/overview';

/** `org.apache.kafka.connect.errors.ConnectException: …` as `ConnectException: …` (the whole line on hover). */
const shortTrace = (line: string) => line.replace(/^(?:[a-z_$][\w$]*\.)+(?=[A-Z])/, '');

/**
 * The top of the cluster overview, when something of Kafka Connect needs a look: the failed
 * connectors and tasks of every Connect cluster (each linking its page) and the Connect clusters
 * that do not answer, with the reason. Nothing when all is well.
 */
export function ConnectFailures({ clusterId, health }: { clusterId: string; health: ConnectHealth[] }) {
  const failed = health.flatMap((h) => h.failed);
  const more = health.reduce((n, h) => n + h.moreFailed, 0);
  const down = health.filter((h) => !h.up);
  if (failed.length === 0 && down.length === 0) return null;
  return (
    <section aria-labelledby="overview-connect" className="space-y-2" data-testid="connect-failures">
      <h2 id="overview-connect" className="flex items-baseline gap-2 font-semibold">
        Kafka Connect
        <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">
          {failed.length + more > 0 && plural(failed.length + more, 'failed connector')}
          {failed.length + more > 0 && down.length > 0 && ' · '}
          {down.length > 0 && `${plural(down.length, 'Connect cluster')} down`}
        </span>
      </h2>
      {down.map((h) => (
        <div
          key={h.name}
          role="status"
          data-testid="connect-cluster-down"
          data-connect={h.name}
          className="rounded-lg border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          <span className="font-semibold">{h.name}</span> down: <span className="break-words">{h.error}</span>
        </div>
      ))}
      {failed.length > 0 && (
        <Table>
          <THead>
            <Tr>
              <Th>Connector</Th>
              <Th>Connect cluster</Th>
              <Th>State, failed tasks</Th>
              <Th className="w-full">First line of the trace</Th>
            </Tr>
          </THead>
          <TBody>
            {failed.map((f) => (
              <Tr key={`${f.connect}/${f.name}`} data-testid="failed-connector" data-connector={f.name}>
                <Td className="font-medium">
                  <Link
                    href={connectPaths.connector(clusterId, f.connect, f.name)}
                    className="text-accent-700 dark:text-accent-300 hover:underline"
                    prefetch={false}
                    data-testid="failed-connector-link"
                  >
                    {f.name}
                  </Link>
                </Td>
                <Td>{f.connect}</Td>
                <Td>
                  <span className="flex items-center gap-1.5">
                    <StateBadge state={f.state as ConnectorState} />
                    <span className="tabular-nums" data-testid="failed-task-ids">
                      {f.failedTaskIds.length > 0
                        ? `${f.failedTaskIds.length > 1 ? 'tasks' : 'task'} ${f.failedTaskIds.join(', ')} of ${f.tasks}`
                        : `the connector (${plural(f.tasks, 'task')})`}
                    </span>
                  </span>
                </Td>
                <Td
                  className="min-w-40 font-mono text-xs text-red-800 dark:text-red-300"
                  title={f.reason ?? undefined}
                  data-testid="failed-reason"
                >
                  <span className="line-clamp-3 break-all whitespace-normal">
                    {f.reason ? shortTrace(f.reason) : 'no trace reported'}
                  </span>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {more > 0 && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          and {plural(more, 'more failed connector')}: see the{' '}
          <IntentLink href={connectPaths.list(clusterId)} className="hover:underline">
            connectors
          </IntentLink>
          .
        </p>
      )}
    </section>
  );
}
