'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { GroupStateBadge, HealthBadge } from '@/components/groups/health-badge';
import { LagValue, TimeLagValue } from '@/components/groups/lag-value';
import { cx } from '@/components/ui/cx';
import { SortHeader, TableSkeleton, type SortColumn } from '@/components/ui/sort-header';
import { NumTd, TBody, Table, Td, Tr } from '@/components/ui/table';
import { formatCount } from '@/lib/format/count';
import { paths } from '@/lib/paths';
import type { GroupListQuery, GroupSummary } from '@/lib/schemas/group';

type SortKey = GroupListQuery['sort'];

const columns: Array<SortColumn<SortKey>> = [
  { id: 'groupId', label: 'Group', sort: 'groupId' },
  { id: 'state', label: 'State', sort: 'state', className: 'w-40' },
  { id: 'type', label: 'Type', className: 'w-36' },
  { id: 'members', label: 'Members', numeric: true, className: 'w-24' },
  { id: 'topics', label: 'Topics', numeric: true, className: 'w-20' },
  { id: 'totalLag', label: 'Total lag', sort: 'totalLag', numeric: true, className: 'w-28' },
  { id: 'maxLag', label: 'Max lag', sort: 'maxLag', numeric: true, className: 'w-28' },
  { id: 'maxTimeLagMs', label: 'Time lag', sort: 'maxTimeLagMs', numeric: true, className: 'w-28' },
  { id: 'health', label: 'Health', className: 'w-44' },
];

const dash = <span className="text-zinc-400 dark:text-zinc-600">—</span>;

/** `classic`, with the protocol type under it when it says more (`connect`, not `consumer`). */
export function GroupType({ group }: { group: Pick<GroupSummary, 'type' | 'protocolType'> }) {
  // The protocol type only where it says more than the type (a classic group of Connect workers: `connect`).
  const extra =
    group.protocolType && group.protocolType !== 'consumer' && group.protocolType !== group.type
      ? group.protocolType
      : null;
  if (!group.type && !group.protocolType) return dash;
  return (
    <span className="text-zinc-700 dark:text-zinc-300">
      {group.type ?? group.protocolType}
      {group.type && extra && <span className="text-zinc-500 dark:text-zinc-400"> · {extra}</span>}
    </span>
  );
}

/**
 * One page of consumer groups. A row opens the group (its id is also a real link); the Group, State and
 * lag headers sort the whole list on the server.
 */
export function GroupTable({
  clusterId,
  groups,
  query,
  onSort,
  stale,
}: {
  clusterId: string;
  groups: GroupSummary[];
  query: GroupListQuery;
  onSort: (key: SortKey) => void;
  stale: boolean;
}) {
  const router = useRouter();
  return (
    <Table
      aria-label="Consumer groups"
      aria-busy={stale}
      data-testid="group-table"
      className={cx('transition-opacity', stale && 'opacity-60')}
    >
      <SortHeader columns={columns} sort={query.sort} dir={query.dir} onSort={onSort} />
      <TBody>
        {groups.map((group) => {
          const href = paths.group(clusterId, group.groupId);
          return (
            <Tr
              key={group.groupId}
              data-testid="group-row"
              data-group={group.groupId}
              className={cx(
                'cursor-pointer',
                group.health === 'expired' && 'bg-red-50/60 dark:bg-red-950/20',
              )}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
                router.push(href);
              }}
            >
              <Td className="max-w-0 whitespace-normal">
                <Link
                  prefetch={false}
                  href={href}
                  title={group.groupId}
                  className="text-accent-700 dark:text-accent-300 block truncate font-medium hover:underline"
                >
                  {group.groupId}
                </Link>
              </Td>
              <Td>
                <GroupStateBadge state={group.state} />
              </Td>
              <Td>
                <GroupType group={group} />
              </Td>
              <NumTd data-testid="group-members">
                {group.members === null ? dash : formatCount(group.members)}
              </NumTd>
              <NumTd>
                {group.topics.length === 0 ? (
                  dash
                ) : (
                  <span
                    title={group.topics.join('\n')}
                    className="cursor-help underline decoration-zinc-300 decoration-dotted underline-offset-4 dark:decoration-zinc-600"
                  >
                    {formatCount(group.topics.length)}
                  </span>
                )}
              </NumTd>
              <NumTd>
                <LagValue lag={group.totalLag} data-testid="group-row-lag" />
              </NumTd>
              <NumTd>
                <LagValue lag={group.maxLag} />
              </NumTd>
              <NumTd>
                <TimeLagValue ms={group.maxTimeLagMs} data-testid="group-row-time-lag" />
              </NumTd>
              <Td>
                <HealthBadge value={group.health} />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

export function GroupTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <TableSkeleton
      aria-label="Consumer groups"
      columns={columns}
      rows={rows}
      bar={({ id, numeric }) => (numeric ? 'ml-auto h-4 w-10' : id === 'groupId' ? 'h-4 w-56' : 'h-4 w-20')}
    />
  );
}
