'use client';

import { HydrationBoundary, type DehydratedState } from '@tanstack/react-query';
import { use, useMemo, type ReactNode } from 'react';
import { reviveErrors } from '@/lib/query/hydration';

/**
 * Puts what a server component read (server/http/prefetch.ts) into the browser's query cache before
 * `children` render, so their queries start with data. A promise streams: the nearest Suspense boundary
 * shows its fallback until the server has read the data, and the page around it is not held up.
 */
export function Hydrate({
  state,
  children,
}: {
  state: DehydratedState | Promise<DehydratedState>;
  children: ReactNode;
}) {
  const dehydrated = 'then' in state ? use(state) : state;
  const revived = useMemo(() => reviveErrors(dehydrated), [dehydrated]);
  return <HydrationBoundary state={revived}>{children}</HydrationBoundary>;
}
