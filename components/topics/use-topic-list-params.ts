'use client';

import { useUrlState } from '@/components/ui/use-url-state';
import { parseTopicListSearch, paths } from '@/lib/paths';
import type { TopicListQuery } from '@/lib/schemas/topic';

/** The topic list's search, filter, sort and page, read from and written to the address. */
export function useTopicListParams(clusterId: string) {
  const { search, go } = useUrlState();
  const query = parseTopicListSearch(search);
  const set = (patch: Partial<TopicListQuery>, mode: 'push' | 'replace' = 'push') =>
    go(paths.topics(clusterId, { ...query, ...patch }), mode);
  return { query, set };
}
