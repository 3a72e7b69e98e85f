'use client';

import { Badge } from '@/components/ui/badge';
import { IconClose } from '@/components/ui/icons';
import { SearchInput } from '@/components/ui/search-input';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/lib/format/count';
import type { GroupListQuery } from '@/lib/schemas/group';

export function GroupListToolbar({
  query,
  total,
  fetching,
  onSearch,
  onClearTopic,
}: {
  query: GroupListQuery;
  total: number | undefined;
  fetching: boolean;
  onSearch: (q: string) => void;
  onClearTopic: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchInput
        value={query.q}
        onSearch={onSearch}
        placeholder="Search groups"
        aria-label="Search consumer groups"
        data-testid="group-search"
        className="w-full sm:w-80"
      />
      {query.topic && (
        <Badge tone="accent" className="py-1 pr-1" data-testid="group-topic-filter">
          reading <span className="font-mono">{query.topic}</span>
          <button
            type="button"
            aria-label="Show groups of every topic"
            onClick={onClearTopic}
            className="rounded p-0.5 hover:bg-black/5 dark:hover:bg-white/10"
          >
            <IconClose className="size-3" />
          </button>
        </Badge>
      )}
      <span className="ml-auto flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        {fetching && <Spinner className="size-3.5" />}
        {total !== undefined && (
          <span data-testid="groups-total" data-total={total}>
            {formatCount(total)} {total === 1 ? 'group' : 'groups'}
            {query.q ? ` matching “${query.q}”` : ''}
          </span>
        )}
      </span>
    </div>
  );
}
