'use client';

import { useQuery } from '@tanstack/react-query';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatCount } from '@/lib/format/count';
import { timeAgo } from '@/lib/format/duration';
import { hostPort } from '@/lib/format/text';
import { quorumOptions } from '@/lib/query/clusters';
import type { Broker, Quorum } from '@/lib/schemas/broker';

const roleTone: Record<Quorum['replicas'][number]['role'], BadgeTone> = {
  leader: 'accent',
  voter: 'neutral',
  observer: 'neutral',
};
const roleOrder = { leader: 0, voter: 1, observer: 2 } as const;

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-100" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function QuorumTable({ quorum, now }: { quorum: Quorum; now: number }) {
  const replicas = [...quorum.replicas].sort((a, b) => roleOrder[a.role] - roleOrder[b.role] || a.id - b.id);
  return (
    <Table aria-label="Quorum replicas">
      <THead>
        <tr>
          <Th className="w-24">Node</Th>
          <Th>Role</Th>
          <Th className="text-right">Log end offset</Th>
          <Th className="text-right">Lag</Th>
          <Th>Last fetch</Th>
          <Th>Last caught up</Th>
        </tr>
      </THead>
      <TBody>
        {replicas.map((replica) => (
          <Tr
            key={`${replica.role}-${replica.id}`}
            data-testid="quorum-replica-row"
            data-node-id={replica.id}
          >
            <Td className="font-mono text-[13px] font-medium tabular-nums">{replica.id}</Td>
            <Td>
              <Badge tone={roleTone[replica.role]}>{replica.role}</Badge>
            </Td>
            <NumTd>{formatCount(replica.logEndOffset)}</NumTd>
            <NumTd className={replica.lag > 0 ? 'font-medium text-amber-700 dark:text-amber-300' : undefined}>
              {formatCount(replica.lag)}
            </NumTd>
            <Td className="text-zinc-600 dark:text-zinc-400">
              {replica.role === 'leader' ? '—' : timeAgo(replica.lastFetchTimestamp, now)}
            </Td>
            <Td className="text-zinc-600 dark:text-zinc-400">
              {replica.role === 'leader' ? '—' : timeAgo(replica.lastCaughtUpTimestamp, now)}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

function ZooKeeperNote({ controllerId, brokers }: { controllerId: number | null; brokers?: Broker[] }) {
  const controller = brokers?.find((b) => b.id === controllerId);
  return (
    <Card className="px-4 py-3" data-testid="zookeeper-mode">
      <p>
        This cluster runs in <span className="font-semibold">ZooKeeper mode</span>: there is no KRaft metadata
        quorum. The controller is{' '}
        {controllerId === null ? (
          <span className="font-semibold">not reported</span>
        ) : (
          <span className="font-semibold">
            broker {controllerId}
            {controller?.host && (
              <span className="font-mono font-normal"> ({hostPort(controller.host, controller.port)})</span>
            )}
          </span>
        )}
        .
      </p>
    </Card>
  );
}

/** The KRaft metadata quorum: leader, epoch, high watermark, and how far each voter and observer lags. */
export function QuorumPanel({
  clusterId,
  brokers,
  controllerId,
}: {
  clusterId: string;
  brokers?: Broker[];
  controllerId?: number | null;
}) {
  const query = useQuery(quorumOptions(clusterId));
  return (
    <section aria-labelledby="quorum-title" className="space-y-2" data-testid="quorum-panel">
      <h2 id="quorum-title" className="font-semibold">
        {query.data?.controllerMode === 'zookeeper' ? 'Controller' : 'Metadata quorum'}
      </h2>
      <QueryView query={query} loading={<Skeleton className="h-24 w-full" />}>
        {(quorum) =>
          quorum.controllerMode === 'zookeeper' ? (
            <ZooKeeperNote controllerId={controllerId ?? quorum.leaderId} brokers={brokers} />
          ) : (
            <div className="space-y-3">
              <dl className="flex flex-wrap gap-x-8 gap-y-2 px-1">
                <Figure
                  label="Leader"
                  testId="quorum-leader"
                  value={quorum.leaderId === null ? 'none' : `Node ${quorum.leaderId}`}
                />
                <Figure label="Epoch" testId="quorum-epoch" value={formatCount(quorum.leaderEpoch)} />
                <Figure
                  label="High watermark"
                  testId="quorum-hwm"
                  value={formatCount(quorum.highWatermark)}
                />
                <Figure
                  label="Voters / observers"
                  testId="quorum-members"
                  value={`${quorum.replicas.filter((r) => r.role !== 'observer').length} / ${quorum.replicas.filter((r) => r.role === 'observer').length}`}
                />
              </dl>
              <QuorumTable quorum={quorum} now={query.dataUpdatedAt} />
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
