'use client';

import { useUrlState } from '@/components/ui/use-url-state';
import { parseGroupListSearch, paths } from '@/lib/paths';
import type { GroupListQuery } from '@/lib/schemas/group';

/** The group list's search, topic filter, sort and page, read from and written to the address. */
export function useGroupListParams(clusterId: string) {
  const { search, go } = useUrlState();
  const query = parseGroupListSearch(search);
  const set = (patch: Partial<GroupListQuery>, mode: 'push' | 'replace' = 'push') =>
    go(paths.groups(clusterId, { ...query, ...patch }), mode);
  return { query, set };
}
