'use client';

import Link from 'next/link';
import { useState } from 'react';
import { displayHost } from '@/components/groups/group-members';
import { HealthBadge } from '@/components/groups/health-badge';
import { LagValue, TimeLagValue } from '@/components/groups/lag-value';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { EmptyState } from '@/components/ui/empty-state';
import { IconChevronRight, IconTopics, IconTrash } from '@/components/ui/icons';
import { SortHeader, type SortColumn } from '@/components/ui/sort-header';
import { NumTd, TBody, Table, Td, Tr } from '@/components/ui/table';
import { useUrlView } from '@/components/ui/use-url-state';
import { catchUpShort, catchUpText, roughly } from '@/lib/format/forecast';
import { formatCount } from '@/lib/format/count';
import { plural } from '@/lib/format/text';
import { paths } from '@/lib/paths';
import type { GroupDetail, GroupPartition } from '@/lib/schemas/group';
import { usePermission } from '@/lib/query/auth';
import { groupPartitionsView, type GroupPartitionSort } from '@/lib/url-state/pages';

const dash = <span className="text-zinc-400 dark:text-zinc-600">—</span>;

/** A stream thread's client id is `<app>-<process>-StreamThread-N-consumer`: its thread says which one. */
const ownerLabel = (clientId: string, member: GroupDetail['memberList'][number] | undefined) =>
  (member?.streams && /(StreamThread-\d+)-consumer$/.exec(clientId)?.[1]) || clientId;

function Owner({ partition, group }: { partition: GroupPartition; group: GroupDetail }) {
  if (!partition.memberId) return dash;
  const member = group.memberList.find((m) => m.memberId === partition.memberId);
  return (
    <span
      className="flex max-w-full min-w-0 items-baseline gap-1.5 overflow-hidden"
      title={partition.memberId}
    >
      <span className="truncate">{ownerLabel(partition.clientId ?? member?.clientId ?? '', member)}</span>
      {member?.host && (
        <span className="hidden truncate font-mono text-xs text-zinc-500 xl:inline dark:text-zinc-400">
          {displayHost(member.host)}
        </span>
      )}
    </span>
  );
}

function TopicHeader({
  clusterId,
  total,
  open,
  onToggle,
  onDeleteOffsets,
}: {
  clusterId: string;
  total: GroupDetail['topicTotals'][number];
  open: boolean;
  onToggle: () => void;
  onDeleteOffsets: () => void;
}) {
  const permission = usePermission(clusterId, 'group.offsets.delete');
  return (
    <tr className="bg-zinc-50/80 dark:bg-zinc-800/30" data-testid="group-topic-header">
      <th scope="rowgroup" colSpan={4} className="max-w-0 px-2 py-1.5 text-left font-normal">
        <span className="flex min-w-0 items-center gap-2 whitespace-nowrap">
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={open}
            className="focus-visible:outline-accent-500 inline-flex min-w-0 items-center gap-1.5 rounded px-1 py-0.5 text-left font-semibold text-zinc-900 hover:bg-zinc-200/60 focus-visible:outline-2 dark:text-zinc-100 dark:hover:bg-zinc-800"
          >
            <IconChevronRight className={cx('size-3.5 shrink-0 transition-transform', open && 'rotate-90')} />
            {/* A long name wraps anywhere, so that two topics sharing a long prefix stay apart. */}
            <span className="min-w-0 font-mono text-[13px] break-all whitespace-normal">{total.topic}</span>
          </button>
          <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
            {plural(total.partitions, 'partition')}
          </span>
          <Link
            prefetch={false}
            href={paths.topic(clusterId, total.topic)}
            className="text-accent-700 dark:text-accent-300 shrink-0 text-xs hover:underline"
          >
            Open topic
          </Link>
        </span>
      </th>
      <td className="px-3 py-1.5 text-right">
        <LagValue lag={total.totalLag} className="font-semibold" data-testid="group-topic-lag" />
      </td>
      <td className="px-3 py-1.5 text-right">
        <TimeLagValue ms={total.maxTimeLagMs} data-testid="group-topic-time-lag" />
      </td>
      <td colSpan={2} className="px-3 py-1.5 text-right">
        <Button
          size="sm"
          variant="ghost"
          onClick={onDeleteOffsets}
          disabled={!permission.allowed}
          title={permission.reason ?? undefined}
          data-testid="delete-offsets-button"
          className="text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
        >
          <IconTrash className="size-3.5" />
          Delete offsets
        </Button>
      </td>
    </tr>
  );
}

const columnsOf = (type: string | null): Array<SortColumn<GroupPartitionSort>> => [
  // Narrower below xl, so that the owner keeps room at 1024 px.
  { id: 'partition', label: 'Partition', sort: 'partition', className: 'w-20 xl:w-28' },
  // A share group commits nothing: its progress is the share-partition start offset (KIP-932).
  type === 'share'
    ? { id: 'committed', label: 'Start offset', numeric: true, className: 'w-20 xl:w-32' }
    : { id: 'committed', label: 'Committed', numeric: true, className: 'w-20 xl:w-32' },
  { id: 'logStart', label: 'Log start', numeric: true, className: 'w-20 xl:w-32' },
  { id: 'logEnd', label: 'Log end', numeric: true, className: 'w-20 xl:w-32' },
  { id: 'lag', label: 'Lag', sort: 'lag', numeric: true, className: 'w-16 xl:w-28' },
  { id: 'timeLagMs', label: 'Time lag', sort: 'timeLagMs', numeric: true, className: 'w-20 xl:w-28' },
  { id: 'owner', label: 'Owner' },
  { id: 'health', label: 'Health · catch-up', className: 'w-36 xl:w-44' },
];

/** Sorts rows within a topic; unknown figures go last whichever the direction. */
function sortRows(rows: GroupPartition[], sort: GroupPartitionSort, dir: 'asc' | 'desc'): GroupPartition[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sort === 'partition' ? a.partition : a[sort];
    const y = sort === 'partition' ? b.partition : b[sort];
    if (x === y) return a.partition - b.partition;
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * sign;
  });
}

/**
 * The group's committed offsets per topic: one collapsible block per topic with its totals. Rows sort
 * within their topic by partition, lag or time lag (kept in the address, like every sort).
 */
export function GroupPartitions({
  clusterId,
  group,
  onDeleteOffsets,
}: {
  clusterId: string;
  group: GroupDetail;
  onDeleteOffsets: (topic: string) => void;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const { state, set } = useUrlView(groupPartitionsView);
  const { psort: sort, pdir: dir } = state;
  const onSort = (key: GroupPartitionSort) =>
    set({ psort: key, pdir: key === sort && dir === 'asc' ? 'desc' : 'asc' }, 'push');
  const toggle = (topic: string) => {
    const next = new Set(collapsed);
    if (!next.delete(topic)) next.add(topic);
    setCollapsed(next);
  };

  if (group.partitions.length === 0) {
    return (
      <EmptyState
        icon={<IconTopics className="size-8" />}
        title="No committed offsets"
        data-testid="partitions-empty"
      >
        This group has no offsets and no assigned partitions.
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Partitions of the group" data-testid="group-partitions">
      <SortHeader columns={columnsOf(group.type)} sort={sort} dir={dir} onSort={onSort} />
      {group.topicTotals.map((total) => {
        const open = !collapsed.has(total.topic);
        const rows = sortRows(
          group.partitions.filter((p) => p.topic === total.topic),
          sort,
          dir,
        );
        return (
          <TBody key={total.topic} data-testid="group-topic" data-topic={total.topic}>
            <TopicHeader
              clusterId={clusterId}
              total={total}
              open={open}
              onToggle={() => toggle(total.topic)}
              onDeleteOffsets={() => onDeleteOffsets(total.topic)}
            />
            {open &&
              rows.map((p) => (
                <Tr
                  key={p.partition}
                  data-testid="group-partition-row"
                  data-topic={p.topic}
                  data-partition={p.partition}
                  className={cx(p.health === 'expired' && 'bg-red-50/60 dark:bg-red-950/20')}
                >
                  <Td className="pl-9 font-medium tabular-nums">{p.partition}</Td>
                  <NumTd
                    data-testid="committed-offset"
                    title={p.committedOffset === null ? 'No commit yet' : undefined}
                  >
                    {p.committedOffset === null ? dash : formatCount(p.committedOffset)}
                  </NumTd>
                  <NumTd
                    className={cx(p.health === 'expired' && 'font-semibold text-red-700 dark:text-red-300')}
                  >
                    {formatCount(p.logStartOffset)}
                  </NumTd>
                  <NumTd>{formatCount(p.logEndOffset)}</NumTd>
                  <NumTd>
                    <LagValue lag={p.lag} data-testid="partition-lag" />
                  </NumTd>
                  <NumTd>
                    <TimeLagValue ms={p.timeLagMs} data-testid="partition-time-lag" />
                  </NumTd>
                  <Td className="max-w-0">
                    <Owner partition={p} group={group} />
                  </Td>
                  <Td>
                    <HealthBadge value={p.health} />
                    {/* The forecast under the state it continues: no column of its own, so 1024 px fits. */}
                    <span
                      className="mt-0.5 block text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
                      data-testid="partition-forecast"
                      title={catchUpText(p.forecast.catchUp) ?? 'not enough history yet'}
                    >
                      catch-up {catchUpShort(p.forecast.catchUp)}
                      {p.forecast.loss.state === 'at_risk' && (
                        <span
                          className="block font-medium text-red-700 dark:text-red-300"
                          data-testid="partition-loss"
                        >
                          loss in {roughly(p.forecast.loss.inMs)}
                        </span>
                      )}
                    </span>
                  </Td>
                </Tr>
              ))}
          </TBody>
        );
      })}
    </Table>
  );
}
