import { queryOptions } from '@tanstack/react-query';
import { clustersApi } from '@/lib/api/clusters';
import { keys } from '@/lib/query/query-keys';

export const clustersOptions = () =>
  queryOptions({
    queryKey: keys.clusters(),
    queryFn: ({ signal }) => clustersApi.list(signal),
    staleTime: 60_000,
  });

export const healthOptions = () =>
  queryOptions({
    queryKey: keys.health(),
    queryFn: ({ signal }) => clustersApi.health(signal),
    refetchInterval: 15_000,
  });

export const brokersOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.brokers.list(clusterId),
    queryFn: ({ signal }) => clustersApi.brokers(clusterId, signal),
    refetchInterval: 10_000,
  });
