'use client';

import { useQuery } from '@tanstack/react-query';
import { notFound } from 'next/navigation';
import { isNotFound } from '@/lib/format/error';
import { brokersOptions } from '@/lib/query/clusters';

/** How often the broker list refreshes, as brokersOptions sets it, for the "every 10 s" note. */
export function brokerRefreshMs(clusterId: string): number | undefined {
  const interval = brokersOptions(clusterId).refetchInterval;
  return typeof interval === 'number' ? interval : undefined;
}

/** The polled broker list of a cluster. An unknown cluster id renders the segment's not-found page. */
export function useBrokerList(clusterId: string) {
  const query = useQuery(brokersOptions(clusterId));
  // A cluster that is not configured is a missing page, not a failure to retry.
  if (isNotFound(query.error)) notFound();
  return query;
}
