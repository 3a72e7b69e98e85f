'use client';

import { refreshMs, useClusterQuery } from '@/components/layout/use-cluster-query';
import { brokersOptions } from '@/lib/query/clusters';

/** How often the broker list refreshes, as brokersOptions sets it, for the "every 10 s" note. */
export function brokerRefreshMs(clusterId: string): number | undefined {
  return refreshMs(brokersOptions(clusterId));
}

/** The polled broker list of a cluster. An unknown cluster id renders the segment's not-found page. */
export function useBrokerList(clusterId: string) {
  return useClusterQuery(brokersOptions(clusterId));
}
