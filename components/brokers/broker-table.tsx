import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { IconBrokers } from '@/components/ui/icons';
import { Skeleton } from '@/components/ui/spinner';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import { hostPort } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import type { Broker } from '@/lib/schemas/broker';

const muted = <span className="text-zinc-400 dark:text-zinc-600">—</span>;

function Header() {
  return (
    <THead>
      <tr>
        <Th className="w-24">Broker ID</Th>
        <Th>Address</Th>
        <Th>Rack</Th>
        <Th>Role</Th>
        <Th>Status</Th>
        <Th className="text-right">Partitions led</Th>
        <Th className="text-right">Replicas</Th>
        <Th className="text-right">Log dirs size</Th>
      </tr>
    </THead>
  );
}

export function BrokerStatusBadge({ online }: { online: boolean }) {
  return online ? (
    <Badge tone="success" data-testid="broker-online-badge">
      online
    </Badge>
  ) : (
    <Badge tone="danger" data-testid="broker-down-badge">
      down
    </Badge>
  );
}

const ROLE_LABEL = { broker: 'Broker', controller: 'Controller' } as const;

/** Every role the node has (a KRaft combined node is both), the active controller marked. */
export function BrokerRoles({ broker }: { broker: Broker }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5" data-testid="broker-roles">
      <span className="text-zinc-600 dark:text-zinc-400">
        {broker.roles.map((r) => ROLE_LABEL[r]).join(' + ')}
      </span>
      {broker.isController && (
        <Badge tone="accent" data-testid="controller-badge">
          Active controller
        </Badge>
      )}
    </span>
  );
}

/** Every broker the cluster knows, offline ones included; each row opens the broker's page. */
export function BrokerTable({ clusterId, brokers }: { clusterId: string; brokers: Broker[] }) {
  if (brokers.length === 0) {
    return (
      <EmptyState icon={<IconBrokers className="size-8" />} title="No brokers" data-testid="brokers-empty">
        The cluster answered but listed no brokers.
      </EmptyState>
    );
  }
  const sorted = [...brokers].sort((a, b) => a.id - b.id);
  return (
    <Table data-testid="broker-table" aria-label="Brokers">
      <Header />
      <TBody>
        {sorted.map((broker) => (
          <Tr
            key={broker.id}
            data-testid="broker-row"
            data-broker-id={broker.id}
            data-online={broker.online}
            className={broker.online ? undefined : 'bg-red-50/50 dark:bg-red-950/20'}
          >
            <Td className="font-mono text-[13px] font-medium tabular-nums">
              <Link
                prefetch={false}
                href={paths.broker(clusterId, broker.id)}
                className="text-accent-700 dark:text-accent-300 hover:underline"
                aria-label={`Broker ${broker.id}`}
              >
                {broker.id}
              </Link>
            </Td>
            <Td className="font-mono text-[13px] text-zinc-700 dark:text-zinc-300">
              {broker.host ? hostPort(broker.host, broker.port) : muted}
            </Td>
            <Td className="text-zinc-700 dark:text-zinc-300">{broker.rack ?? muted}</Td>
            <Td>
              <BrokerRoles broker={broker} />
            </Td>
            <Td>
              <BrokerStatusBadge online={broker.online} />
            </Td>
            <NumTd>{formatCount(broker.partitionsLed)}</NumTd>
            <NumTd>{formatCount(broker.replicas)}</NumTd>
            <NumTd title={broker.logDirBytes === null ? 'The broker did not answer' : undefined}>
              {formatBytes(broker.logDirBytes)}
            </NumTd>
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
            {['w-8', 'w-40', 'w-16', 'w-20', 'w-14', 'w-10', 'w-10', 'w-16'].map((width, j) => (
              <Td key={j}>
                <Skeleton className={`h-4 ${width} ${j >= 5 ? 'ml-auto' : ''}`} />
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
