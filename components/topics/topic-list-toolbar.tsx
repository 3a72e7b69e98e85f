'use client';

import { Switch } from '@/components/ui/field';
import { SearchInput } from '@/components/ui/search-input';
import { Spinner } from '@/components/ui/spinner';
import { formatCount } from '@/lib/format/count';
import type { TopicListQuery } from '@/lib/schemas/topic';

export function TopicListToolbar({
  query,
  total,
  fetching,
  onSearch,
  onInternal,
}: {
  query: TopicListQuery;
  total: number | undefined;
  fetching: boolean;
  onSearch: (q: string) => void;
  onInternal: (show: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <SearchInput
        value={query.q}
        onSearch={onSearch}
        placeholder="Search topics"
        aria-label="Search topics"
        data-testid="topic-search"
        className="w-full sm:w-80"
      />
      <Switch
        checked={query.internal === 'show'}
        onChange={onInternal}
        label="Show internal topics"
        data-testid="show-internal-toggle"
      />
      <span className="ml-auto flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        {fetching && <Spinner className="size-3.5" />}
        {total !== undefined && (
          <span data-testid="topics-total" data-total={total}>
            {formatCount(total)} {total === 1 ? 'topic' : 'topics'}
            {query.q ? ` matching “${query.q}”` : ''}
          </span>
        )}
      </span>
    </div>
  );
}
