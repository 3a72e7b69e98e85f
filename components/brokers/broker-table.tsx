import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { IconBrokers } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/spinner';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { hostPort } from '@/lib/format/text';
import type { Broker } from '@/lib/schemas/broker';

function Header() {
  return (
    <THead>
      <tr>
        <Th className="w-28">Broker ID</Th>
        <Th className="w-72">Address</Th>
        <Th className="w-48">Rack</Th>
        <Th>Role</Th>
      </tr>
    </THead>
  );
}

export function BrokerTable({ brokers }: { brokers: Broker[] }) {
  if (brokers.length === 0) {
    return (
      <EmptyState icon={<IconBrokers className="size-8" />} title="No brokers" data-testid="brokers-empty">
        The cluster answered but listed no live brokers.
      </EmptyState>
    );
  }
  const sorted = [...brokers].sort((a, b) => a.id - b.id);
  return (
    <Table data-testid="broker-table" aria-label="Brokers">
      <Header />
      <TBody>
        {sorted.map((broker) => (
          <Tr key={broker.id} data-testid="broker-row" data-broker-id={broker.id}>
            <Td className="font-mono text-[13px] font-medium text-zinc-900 tabular-nums dark:text-zinc-100">
              {broker.id}
            </Td>
            <Td className="font-mono text-[13px] text-zinc-700 dark:text-zinc-300">
              {hostPort(broker.host, broker.port)}
            </Td>
            <Td className="text-zinc-700 dark:text-zinc-300">
              {broker.rack ?? <span className="text-zinc-400 dark:text-zinc-600">—</span>}
            </Td>
            <Td>
              {broker.isController ? (
                <Badge tone="accent" data-testid="controller-badge">
                  Controller
                </Badge>
              ) : (
                <span className="text-zinc-500 dark:text-zinc-400">Broker</span>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

export function BrokerTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <Table aria-label="Brokers" aria-busy="true">
      <Header />
      <TBody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            <Td>
              <Skeleton className="h-4 w-8" />
            </Td>
            <Td>
              <Skeleton className="h-4 w-40" />
            </Td>
            <Td>
              <Skeleton className="h-4 w-16" />
            </Td>
            <Td>
              <Skeleton className="h-4 w-20" />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
