'use client';

import { useQuery, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { isNotFound } from '@/lib/format/error';

/**
 * A query of a cluster-level resource (overview, brokers, quorum). A 404 there means the cluster id in the
 * address is not configured: that renders the segment's not-found page rather than a failure to retry.
 */
export function useClusterQuery<T, K extends QueryKey>(options: UseQueryOptions<T, Error, T, K>) {
  const query = useQuery(options);
  if (isNotFound(query.error)) notFound();
  return query;
}

/** How often a query's options poll, for the "every 10 s" note. */
export function refreshMs(options: { refetchInterval?: unknown }): number | undefined {
  return typeof options.refetchInterval === 'number' ? options.refetchInterval : undefined;
}
