import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import type {
  AlterOffsetsInput,
  OffsetsChange,
  ConnectorAction,
  ConnectorDetail,
  ConnectorList,
  ConnectPlugin,
  PluginConfigField,
  ValidationResult,
} from '@/lib/schemas/connect';

/** Kafka Connect from the browser: the API paths, queries and mutations of the Connect pages. */

const seg = encodeURIComponent;
const object = <T>() => z.custom<T>((value) => typeof value === 'object' && value !== null);

const base = (clusterId: string) => `/api/clusters/${seg(clusterId)}/connect`;
export const connectApiPaths = {
  list: base,
  plugins: (clusterId: string, connect: string) => `${base(clusterId)}/${seg(connect)}/plugins`,
  pluginConfig: (clusterId: string, connect: string, plugin: string) =>
    `${base(clusterId)}/${seg(connect)}/plugins/${seg(plugin)}/config`,
  validate: (clusterId: string, connect: string, plugin: string) =>
    `${base(clusterId)}/${seg(connect)}/plugins/${seg(plugin)}/validate`,
  connectors: (clusterId: string, connect: string) => `${base(clusterId)}/${seg(connect)}/connectors`,
  connector: (clusterId: string, connect: string, name: string) =>
    `${base(clusterId)}/${seg(connect)}/connectors/${seg(name)}`,
};

export const connectKeys = {
  all: (clusterId: string) => ['connect', clusterId] as const,
  list: (clusterId: string) => ['connect', clusterId, 'list'] as const,
  connector: (clusterId: string, connect: string, name: string) =>
    ['connect', clusterId, 'connector', connect, name] as const,
  plugins: (clusterId: string, connect: string) => ['connect', clusterId, 'plugins', connect] as const,
  pluginConfig: (clusterId: string, connect: string, plugin: string) =>
    ['connect', clusterId, 'plugin-config', connect, plugin] as const,
};

export const connectorsOptions = (clusterId: string) =>
  queryOptions({
    queryKey: connectKeys.list(clusterId),
    queryFn: ({ signal }) => apiRequest(object<ConnectorList>(), connectApiPaths.list(clusterId), { signal }),
    refetchInterval: 10_000,
  });

export const connectorOptions = (clusterId: string, connect: string, name: string) =>
  queryOptions({
    queryKey: connectKeys.connector(clusterId, connect, name),
    queryFn: ({ signal }) =>
      apiRequest(object<ConnectorDetail>(), connectApiPaths.connector(clusterId, connect, name), { signal }),
    refetchInterval: 5_000,
  });

export const pluginsOptions = (clusterId: string, connect: string) =>
  queryOptions({
    queryKey: connectKeys.plugins(clusterId, connect),
    queryFn: ({ signal }) =>
      apiRequest(
        object<{ plugins: ConnectPlugin[]; version: string | null; commit: string | null }>(),
        connectApiPaths.plugins(clusterId, connect),
        { signal },
      ),
    staleTime: 60_000,
  });

export const pluginConfigOptions = (clusterId: string, connect: string, plugin: string) =>
  queryOptions({
    queryKey: connectKeys.pluginConfig(clusterId, connect, plugin),
    queryFn: ({ signal }) =>
      apiRequest(object<PluginConfigField[]>(), connectApiPaths.pluginConfig(clusterId, connect, plugin), {
        signal,
      }),
    staleTime: 300_000,
  });

function useInvalidate(clusterId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: connectKeys.all(clusterId) });
}

export function useConnectorAction(clusterId: string, connect: string, name: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: (action: ConnectorAction) => {
      const path = connectApiPaths.connector(clusterId, connect, name);
      const route = action === 'restart-failed' ? '/restart?onlyFailed=true' : `/${action}`;
      return apiRequest(object<ConnectorDetail>(), path + route, { method: 'POST' });
    },
    onSuccess: invalidate,
  });
}

export function useRestartTask(clusterId: string, connect: string, name: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: (task: number) =>
      apiRequest(
        object<{ restarted: number }>(),
        `${connectApiPaths.connector(clusterId, connect, name)}/tasks/${task}/restart`,
        {
          method: 'POST',
        },
      ),
    onSuccess: invalidate,
  });
}

export function useDeleteConnector(clusterId: string, connect: string, name: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: () =>
      apiRequest(object<{ deleted: string }>(), connectApiPaths.connector(clusterId, connect, name), {
        method: 'DELETE',
      }),
    onSuccess: invalidate,
  });
}

export function useUpdateConnector(clusterId: string, connect: string, name: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: (config: Record<string, string>) =>
      apiRequest(
        object<{ before: Record<string, string>; after: Record<string, string> }>(),
        connectApiPaths.connector(clusterId, connect, name),
        {
          method: 'PUT',
          body: { config },
        },
      ),
    onSuccess: invalidate,
  });
}

export function useResetOffsets(clusterId: string, connect: string, name: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: () =>
      apiRequest(
        object<{ message: string }>(),
        `${connectApiPaths.connector(clusterId, connect, name)}/offsets`,
        { method: 'DELETE' },
      ),
    onSuccess: invalidate,
  });
}

/** Previews (`dryRun: true`) or writes offsets of a STOPPED connector; only a write invalidates. */
export function useAlterOffsets(clusterId: string, connect: string, name: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: (input: AlterOffsetsInput) =>
      apiRequest(object<OffsetsChange>(), `${connectApiPaths.connector(clusterId, connect, name)}/offsets`, {
        method: 'PATCH',
        body: input,
      }),
    onSuccess: (result) => (result.applied ? invalidate() : undefined),
  });
}

export function useValidateConfig(clusterId: string, connect: string) {
  return useMutation({
    mutationFn: ({ plugin, config }: { plugin: string; config: Record<string, string> }) =>
      apiRequest(object<ValidationResult>(), connectApiPaths.validate(clusterId, connect, plugin), {
        method: 'POST',
        body: { config },
      }),
  });
}

export function useCreateConnector(clusterId: string, connect: string) {
  const invalidate = useInvalidate(clusterId);
  return useMutation({
    mutationFn: (input: { name: string; config: Record<string, string> }) =>
      apiRequest(object<ConnectorDetail>(), connectApiPaths.connectors(clusterId, connect), {
        method: 'POST',
        body: input,
      }),
    onSuccess: invalidate,
  });
}
