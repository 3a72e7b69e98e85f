'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseUrlState, serializeUrlState, type Search, type UrlView } from '@/lib/url-state/core';

/** `push` adds a history entry (a new page, a new sort); `replace` does not (typing in a search). */
export type HistoryMode = 'push' | 'replace';

/**
 * Screen state kept in the address (filters, toggles, paging) so every view can be shared, read and
 * written through one view of lib/url-state. Updates go through the History API, which Next's router
 * follows, so nothing is fetched from the server for them.
 */
function useAddress() {
  const pathname = usePathname();
  const search = useSearchParams();
  const go = useCallback((url: string, mode: HistoryMode) => {
    if (mode === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);
  return { pathname, search, go };
}

/**
 * A view's state; `set` writes the params of a patch over the address and leaves the others (another
 * view's, the tab) as they are. It replaces the history entry unless told to push.
 */
export function useUrlView<T>(view: UrlView<T>) {
  const { pathname, search, go } = useAddress();
  const state = useMemo(() => parseUrlState(view, search), [view, search]);
  const set = useCallback(
    (patch: Partial<T>, mode: HistoryMode = 'replace') => {
      go(withParams(pathname, serializeUrlState(view, patch)), mode);
    },
    [view, pathname, go],
  );
  return { state, set };
}

/**
 * A list's state (search, sort, page); `set` goes to `address` of the state with a patch laid over it,
 * so the address holds the list's params only. It pushes a history entry unless told to replace.
 */
export function useUrlList<T>(view: UrlView<T>, address: (state: T) => string) {
  const { search, go } = useAddress();
  const query = useMemo(() => parseUrlState(view, search), [view, search]);
  const set = (patch: Partial<T>, mode: HistoryMode = 'push') => go(address({ ...query, ...patch }), mode);
  return { query, set };
}

function withParams(pathname: string, patch: Search): string {
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}
