import { z } from 'zod';
import { apiRequest } from '@/lib/api/client';
import { apiPaths } from '@/lib/paths';
import {
  AlertHistorySchema,
  AlertsOverviewSchema,
  ChannelListSchema,
  TestResultSchema,
  type ChannelInput,
  type RuleInput,
  type SilenceInput,
} from '@/lib/schemas/alerts';

const IdSchema = z.object({ id: z.union([z.string(), z.number()]) });
const NameSchema = z.object({ name: z.string() });
const SilencedSchema = z.object({ id: z.number(), until: z.number() });

export const alertsApi = {
  overview: (signal?: AbortSignal) => apiRequest(AlertsOverviewSchema, apiPaths.alerts(), { signal }),
  history: (ruleId: string | null, signal?: AbortSignal) =>
    apiRequest(AlertHistorySchema, apiPaths.alertHistory({ limit: 200, ruleId: ruleId ?? undefined }), {
      signal,
    }),
  channels: (signal?: AbortSignal) => apiRequest(ChannelListSchema, apiPaths.alertChannels(), { signal }),
  createRule: (body: RuleInput) => apiRequest(IdSchema, apiPaths.alertRules(), { method: 'POST', body }),
  updateRule: (id: string, body: RuleInput) =>
    apiRequest(IdSchema, apiPaths.alertRule(id), { method: 'PUT', body }),
  deleteRule: (id: string) => apiRequest(IdSchema, apiPaths.alertRule(id), { method: 'DELETE' }),
  createChannel: (body: ChannelInput) =>
    apiRequest(NameSchema, apiPaths.alertChannels(), { method: 'POST', body }),
  updateChannel: (name: string, body: ChannelInput) =>
    apiRequest(NameSchema, apiPaths.alertChannel(name), { method: 'PUT', body }),
  deleteChannel: (name: string) => apiRequest(NameSchema, apiPaths.alertChannel(name), { method: 'DELETE' }),
  testChannel: (name: string) =>
    apiRequest(TestResultSchema, apiPaths.alertChannelTest(name), { method: 'POST' }),
  silence: (body: SilenceInput) =>
    apiRequest(SilencedSchema, apiPaths.alertSilences(), { method: 'POST', body }),
  unsilence: (id: number) => apiRequest(IdSchema, apiPaths.alertSilence(id), { method: 'DELETE' }),
};
