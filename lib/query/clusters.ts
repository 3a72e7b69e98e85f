import { queryOptions } from '@tanstack/react-query';
import { clustersApi } from '@/lib/api/clusters';
import { keys } from '@/lib/query/query-keys';

export const clustersOptions = () =>
  queryOptions({
    queryKey: keys.clusters(),
    queryFn: ({ signal }) => clustersApi.list(signal),
    staleTime: 60_000,
  });

export const readinessOptions = () =>
  queryOptions({
    queryKey: keys.readiness(),
    queryFn: ({ signal }) => clustersApi.readiness(signal),
    refetchInterval: 15_000,
  });

export const brokersOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.brokers.list(clusterId),
    queryFn: ({ signal }) => clustersApi.brokers(clusterId, signal),
    refetchInterval: 10_000,
  });

export const brokerOptions = (clusterId: string, brokerId: number) =>
  queryOptions({
    queryKey: keys.brokers.detail(clusterId, brokerId),
    queryFn: ({ signal }) => clustersApi.broker(clusterId, brokerId, signal),
    refetchInterval: 15_000,
  });

export const brokerConfigsOptions = (clusterId: string, brokerId: number) =>
  queryOptions({
    queryKey: keys.brokers.configs(clusterId, brokerId),
    queryFn: ({ signal }) => clustersApi.brokerConfigs(clusterId, brokerId, signal),
    staleTime: 30_000,
  });

export const overviewOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.overview(clusterId),
    queryFn: ({ signal }) => clustersApi.overview(clusterId, signal),
    refetchInterval: 10_000,
  });

export const quorumOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.quorum(clusterId),
    queryFn: ({ signal }) => clustersApi.quorum(clusterId, signal),
    refetchInterval: 5_000,
  });
