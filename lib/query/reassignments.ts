import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { reassignmentsApi } from '@/lib/api/reassignments';
import { keys } from '@/lib/query/query-keys';
import type {
  ApplyReassignment,
  CancelReassignment,
  ClearThrottles,
  ElectLeaders,
  PlanGoalInput,
} from '@/lib/schemas/reassignment';

/** Polled every 2 s: the list shows copy progress, and each read settles finished throttles on the server. */
export const reassignmentsOptions = (clusterId: string) =>
  queryOptions({
    queryKey: keys.reassignments(clusterId),
    queryFn: ({ signal }) => reassignmentsApi.list(clusterId, signal),
    refetchInterval: 2_000,
  });

/** Replicas and leaders change: every view of brokers and topics refreshes, with the list. */
function useInvalidateLayout(clusterId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.reassignments(clusterId) }),
      queryClient.invalidateQueries({ queryKey: keys.topics.all(clusterId) }),
      queryClient.invalidateQueries({ queryKey: keys.brokers.all(clusterId) }),
      queryClient.invalidateQueries({ queryKey: keys.overview(clusterId) }),
    ]);
}

/** The preview changes nothing: no invalidation. */
export function usePlanReassignment(clusterId: string) {
  return useMutation({ mutationFn: (goal: PlanGoalInput) => reassignmentsApi.plan(clusterId, goal) });
}

export function useApplyReassignment(clusterId: string) {
  const invalidate = useInvalidateLayout(clusterId);
  return useMutation({
    mutationFn: (body: ApplyReassignment) => reassignmentsApi.apply(clusterId, body),
    onSuccess: invalidate,
  });
}

export function useCancelReassignment(clusterId: string) {
  const invalidate = useInvalidateLayout(clusterId);
  return useMutation({
    mutationFn: (body: CancelReassignment) => reassignmentsApi.cancel(clusterId, body),
    onSuccess: invalidate,
  });
}

/** The preview (dryRun) changes nothing, so it refreshes nothing. */
export function useClearStaleThrottles(clusterId: string) {
  const invalidate = useInvalidateLayout(clusterId);
  return useMutation({
    mutationFn: (body: ClearThrottles) => reassignmentsApi.clearThrottles(clusterId, body),
    onSuccess: (result) => {
      if (!result.dryRun) return invalidate();
    },
  });
}

/** The election's preview (dryRun) changes nothing; the election itself refreshes leaders everywhere. */
export function useElectLeaders(clusterId: string) {
  const invalidate = useInvalidateLayout(clusterId);
  return useMutation({
    mutationFn: (body: ElectLeaders) => reassignmentsApi.elect(clusterId, body),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}
