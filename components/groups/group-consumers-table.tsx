'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { GroupStateBadge, HealthBadge } from '@/components/groups/health-badge';
import { LagValue } from '@/components/groups/lag-value';
import { EmptyState } from '@/components/ui/empty-state';
import { IconGroups } from '@/components/ui/icons';
import { QueryView } from '@/components/ui/query-view';
import { Skeleton } from '@/components/ui/spinner';
import { NumTd, TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatCount } from '@/lib/format/count';
import { paths } from '@/lib/paths';
import { groupListOptions } from '@/lib/query/groups';
import { GroupListQuerySchema, type GroupListQuery } from '@/lib/schemas/group';

/** Worst first: the groups furthest behind on this topic lead. */
const consumerQuery = (topic: string): GroupListQuery => ({
  ...GroupListQuerySchema.parse({}),
  topic,
  sort: 'totalLag',
  dir: 'desc',
});

const dash = <span className="text-zinc-400 dark:text-zinc-600">—</span>;

/**
 * The consumer groups that committed offsets for a topic, with their lag on that topic alone (the server
 * restricts the sums to it), for the topic's Consumers tab.
 */
export function TopicConsumers({ clusterId, topic }: { clusterId: string; topic: string }) {
  const query = consumerQuery(topic);
  const list = useQuery(groupListOptions(clusterId, query));
  return (
    <QueryView query={list} loading={<Skeleton className="h-32 w-full rounded-lg" />}>
      {(data) =>
        data.items.length === 0 ? (
          <EmptyState
            icon={<IconGroups className="size-8" />}
            title="No consumer groups"
            data-testid="topic-consumers-empty"
          >
            No group has committed offsets for this topic.
          </EmptyState>
        ) : (
          <div className="space-y-2">
            <Table aria-label={`Consumer groups of ${topic}`} data-testid="topic-consumers">
              <THead>
                <tr>
                  <Th>Group</Th>
                  <Th className="w-40">State</Th>
                  <Th className="w-24 text-right">Members</Th>
                  <Th className="w-28 text-right">Lag</Th>
                  <Th className="w-28 text-right">Max lag</Th>
                  <Th className="w-44">Health</Th>
                </tr>
              </THead>
              <TBody>
                {data.items.map((group) => (
                  <Tr key={group.groupId} data-testid="topic-consumer-row" data-group={group.groupId}>
                    <Td className="max-w-0">
                      <Link
                        prefetch={false}
                        href={paths.group(clusterId, group.groupId)}
                        title={group.groupId}
                        className="text-accent-700 dark:text-accent-300 block truncate font-medium hover:underline"
                      >
                        {group.groupId}
                      </Link>
                    </Td>
                    <Td>
                      <GroupStateBadge state={group.state} />
                    </Td>
                    <NumTd>{group.members === null ? dash : formatCount(group.members)}</NumTd>
                    <NumTd>
                      <LagValue lag={group.totalLag} data-testid="topic-consumer-lag" />
                    </NumTd>
                    <NumTd>
                      <LagValue lag={group.maxLag} />
                    </NumTd>
                    <Td>
                      <HealthBadge value={group.health} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
            {data.total > data.items.length && (
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                The {formatCount(data.items.length)} groups furthest behind of {formatCount(data.total)}.{' '}
                <Link
                  prefetch={false}
                  href={paths.groups(clusterId, query)}
                  className="text-accent-700 dark:text-accent-300 hover:underline"
                >
                  All of them
                </Link>
              </p>
            )}
          </div>
        )
      }
    </QueryView>
  );
}
