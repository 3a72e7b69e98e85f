'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

type Patch = Record<string, string | number | null | undefined>;

/**
 * Screen state kept in the address (filters, toggles, paging) so every view can be shared. Updates go
 * through the History API, which Next's router follows, so nothing is fetched from the server for them.
 * `push` adds a history entry (a new page, a new sort); the default replaces it (typing in a search).
 */
export function useUrlState() {
  const pathname = usePathname();
  const search = useSearchParams();

  const go = useCallback((url: string, mode: 'push' | 'replace' = 'replace') => {
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);

  const update = useCallback(
    (patch: Patch, mode: 'push' | 'replace' = 'replace') => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      const query = next.toString();
      go(query ? `${pathname}?${query}` : pathname, mode);
    },
    [pathname, go],
  );

  return { search, update, go };
}
