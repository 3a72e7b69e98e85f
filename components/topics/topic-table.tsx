'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { cx } from '@/components/ui/cx';
import { SortHeader, TableSkeleton, type SortColumn } from '@/components/ui/sort-header';
import { NumTd, TBody, Table, Td, Tr } from '@/components/ui/table';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import { paths } from '@/lib/paths';
import type { TopicListQuery, TopicSortKey, TopicSummary } from '@/lib/schemas/topic';

const num = { numeric: true, className: 'w-32' };
const columns: Array<SortColumn<TopicSortKey>> = [
  { id: 'name', label: 'Name', sort: 'name' },
  { id: 'partitions', label: 'Partitions', sort: 'partitions', ...num },
  { id: 'replicationFactor', label: 'RF', sort: 'replicationFactor', ...num },
  { id: 'underReplicated', label: 'Under-replicated', sort: 'underReplicated', ...num },
  { id: 'messages', label: 'Messages', sort: 'messages', ...num },
  { id: 'sizeBytes', label: 'Size', sort: 'sizeBytes', ...num },
];

/**
 * One page of topics. Clicking a row opens the topic (the name is also a real link, for the keyboard, new
 * tabs and screen readers); clicking a header sorts by it.
 */
export function TopicTable({
  clusterId,
  topics,
  query,
  onSort,
  stale,
}: {
  clusterId: string;
  topics: TopicSummary[];
  query: TopicListQuery;
  onSort: (key: TopicSortKey) => void;
  /** The previous page is still shown while the next one loads. */
  stale: boolean;
}) {
  const router = useRouter();
  return (
    <Table
      aria-label="Topics"
      aria-busy={stale}
      data-testid="topic-table"
      className={cx('transition-opacity', stale && 'opacity-60')}
    >
      <SortHeader columns={columns} sort={query.sort} dir={query.dir} onSort={onSort} />
      <TBody>
        {topics.map((topic) => {
          const href = paths.topic(clusterId, topic.name);
          return (
            <Tr
              key={topic.name}
              data-testid="topic-row"
              data-topic={topic.name}
              className="cursor-pointer"
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
                router.push(href);
              }}
            >
              <Td className="max-w-0 whitespace-normal">
                <span className="flex min-w-0 items-center gap-2">
                  <Link
                    prefetch={false}
                    href={href}
                    className="text-accent-700 dark:text-accent-300 truncate font-medium hover:underline"
                    title={topic.name}
                  >
                    {topic.name}
                  </Link>
                  {topic.internal && <Badge data-testid="internal-badge">internal</Badge>}
                  {topic.offlinePartitions > 0 && (
                    <Badge tone="danger">{formatCount(topic.offlinePartitions)} offline</Badge>
                  )}
                </span>
              </Td>
              <NumTd>{formatCount(topic.partitions)}</NumTd>
              <NumTd>{topic.replicationFactor}</NumTd>
              <NumTd
                data-testid="topic-under-replicated"
                className={
                  topic.underReplicated > 0 ? 'font-semibold text-red-600 dark:text-red-400' : 'text-zinc-500'
                }
              >
                {formatCount(topic.underReplicated)}
              </NumTd>
              <NumTd>{formatCount(topic.messages)}</NumTd>
              <NumTd>{formatBytes(topic.sizeBytes)}</NumTd>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

export function TopicTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <TableSkeleton
      aria-label="Topics"
      columns={columns}
      rows={rows}
      bar={({ numeric }) => (numeric ? 'ml-auto h-4 w-12' : 'h-4 w-56')}
    />
  );
}
