import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  ApplyResultSchema,
  ElectionResultSchema,
  ReassignmentPlanSchema,
  ReassignmentsSchema,
  type ApplyReassignment,
  type CancelReassignment,
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
  clearThrottles: (clusterId: string) =>
    apiRequest(z.object({ ok: z.literal(true) }), apiPaths.reassignmentThrottles(clusterId), {
      method: 'DELETE',
    }),
  elect: (clusterId: string, body: ElectLeaders) =>
    apiRequest(ElectionResultSchema, apiPaths.elections(clusterId), { method: 'POST', body }),
};
