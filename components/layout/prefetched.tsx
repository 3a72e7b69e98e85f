import type { DehydratedState } from '@tanstack/react-query';
import { Suspense, type ReactNode } from 'react';
import { Hydrate } from '@/components/layout/hydrate';

/**
 * How long a page waits for its server-side reads before it sends its shell without them. React reveals
 * a Suspense boundary that completes after the shell no sooner than 300 ms after the shell was painted
 * (the $RC/$RV reveal throttle of react-dom/server), so data that comes within that time is never slower
 * in the shell itself, and it arrives without a skeleton flashing first.
 */
export const INLINE_WAIT_MS = 300;

/**
 * The page's data in its HTML (a server component: it takes the promise of server/http/prefetch.ts).
 * Data read within INLINE_WAIT_MS is part of the shell; a slower or dead cluster gets the shell with
 * `fallback` at once and its data (or its error) streamed behind a Suspense boundary, so it never holds
 * up the page beyond that wait and the cluster's own time-outs.
 */
export async function Prefetched({
  state,
  fallback,
  children,
}: {
  state: Promise<DehydratedState>;
  fallback: ReactNode;
  children: ReactNode;
}) {
  const early = await Promise.race([
    state,
    new Promise<undefined>((resolve) => {
      const timer = setTimeout(resolve, INLINE_WAIT_MS);
      void state.finally(() => clearTimeout(timer));
    }),
  ]);
  if (early) return <Hydrate state={early}>{children}</Hydrate>;
  return (
    <Suspense fallback={fallback}>
      <Hydrate state={state}>{children}</Hydrate>
    </Suspense>
  );
}
