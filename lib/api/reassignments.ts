import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  ApplyResultSchema,
  ClearThrottlesResultSchema,
  ElectionResultSchema,
  ReassignmentPlanSchema,
  ReassignmentsSchema,
  type ApplyReassignment,
  type CancelReassignment,
  type ClearThrottles,
  type ElectLeaders,
  type PlanGoalInput,
} from '@/lib/schemas/reassignment';

export const reassignmentsApi = {
  list: (clusterId: string, signal?: AbortSignal) =>
    apiRequest(ReassignmentsSchema, apiPaths.reassignments(clusterId), { signal }),
  plan: (clusterId: string, body: PlanGoalInput) =>
    apiRequest(ReassignmentPlanSchema, apiPaths.reassignmentPlan(clusterId), { method: 'POST', body }),
  apply: (clusterId: string, body: ApplyReassignment) =>
    apiRequest(ApplyResultSchema, apiPaths.reassignments(clusterId), { method: 'POST', body }),
  cancel: (clusterId: string, body: CancelReassignment) =>
    apiRequest(ApplyResultSchema, apiPaths.reassignmentCancel(clusterId), { method: 'POST', body }),
  /** Throttles left behind: what would be removed (dryRun) or their removal. */
  clearThrottles: (clusterId: string, body: ClearThrottles) =>
    apiRequest(ClearThrottlesResultSchema, apiPaths.reassignmentThrottles(clusterId), {
      method: 'POST',
      body,
    }),
  elect: (clusterId: string, body: ElectLeaders) =>
    apiRequest(ElectionResultSchema, apiPaths.elections(clusterId), { method: 'POST', body }),
};
