import { z } from 'zod';

/** What the browser may know about a configured cluster: never credentials. */
export const ClusterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  bootstrapServers: z.array(z.string()),
  /** Every change is refused on this cluster, whatever the user's role. */
  readOnly: z.boolean(),
});
export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;

export const ClusterListSchema = z.object({ clusters: z.array(ClusterSummarySchema) });
export type ClusterList = z.infer<typeof ClusterListSchema>;

export const ClusterHealthSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['up', 'down']),
  latencyMs: z.number().nullable(),
  brokers: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type ClusterHealth = z.infer<typeof ClusterHealthSchema>;

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  clusters: z.array(ClusterHealthSchema),
});
export type Health = z.infer<typeof HealthSchema>;
