import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { alertsApi } from '@/lib/api/alerts';
import { meOptions } from '@/lib/query/auth';
import { keys } from '@/lib/query/query-keys';
import { actionRoles, type Action } from '@/lib/schemas/auth';
import type { ChannelInput, RuleInput, SilenceInput } from '@/lib/schemas/alerts';

/** Rules and states change once a minute (each evaluation); 15 s keeps the page within one. */
export const alertsOverviewOptions = () =>
  queryOptions({
    queryKey: keys.alerts.overview(),
    queryFn: ({ signal }) => alertsApi.overview(signal),
    refetchInterval: 15_000,
  });

export const alertHistoryOptions = (ruleId: string | null) =>
  queryOptions({
    queryKey: keys.alerts.history(ruleId),
    queryFn: ({ signal }) => alertsApi.history(ruleId, signal),
    refetchInterval: 30_000,
  });

export const alertChannelsOptions = () =>
  queryOptions({
    queryKey: keys.alerts.channels(),
    queryFn: ({ signal }) => alertsApi.channels(signal),
    refetchInterval: 60_000,
  });

/** Whether the signed-in user's role allows an action that belongs to no cluster (alerts). */
export function useConsolePermission(action: Action): { allowed: boolean; reason: string | null } {
  const me = useQuery(meOptions()).data;
  if (!me || me.actions.includes(action)) return { allowed: true, reason: null };
  return { allowed: false, reason: `Needs the ${actionRoles[action]} role (you are ${me.role})` };
}

function useAlertsMutation<A>(fn: (arg: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.alerts.all() }),
  });
}

export const useSaveRule = (id: string | null) =>
  useAlertsMutation((body: RuleInput) => (id ? alertsApi.updateRule(id, body) : alertsApi.createRule(body)));
export const useDeleteRule = () => useAlertsMutation((id: string) => alertsApi.deleteRule(id));
export const useSaveChannel = (name: string | null) =>
  useAlertsMutation((body: ChannelInput) =>
    name ? alertsApi.updateChannel(name, body) : alertsApi.createChannel(body),
  );
export const useDeleteChannel = () => useAlertsMutation((name: string) => alertsApi.deleteChannel(name));
export const useSilence = () => useAlertsMutation((body: SilenceInput) => alertsApi.silence(body));
export const useUnsilence = () => useAlertsMutation((id: number) => alertsApi.unsilence(id));
/** A test changes nothing: no cache to refresh. */
export const useTestChannel = () =>
  useMutation({ mutationFn: (name: string) => alertsApi.testChannel(name) });
