import { z } from 'zod';
import { errorCodeSchema } from '@/lib/schemas/api-error';

/** What the browser may know about a configured cluster: never credentials. */
export const ClusterSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  bootstrapServers: z.array(z.string()),
  /** How the console connects: protocol and SASL mechanism only, never who or with what secret. */
  security: z.object({
    protocol: z.enum(['PLAINTEXT', 'SASL_PLAINTEXT', 'SSL', 'SASL_SSL']),
    mechanism: z.string().nullable(),
    clientCertificate: z.boolean(),
  }),
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
  /** Why a cluster is down, e.g. `authentication_failed` or `tls_failed` for the console's own access. */
  errorCode: errorCodeSchema.nullable(),
});
export type ClusterHealth = z.infer<typeof ClusterHealthSchema>;

/** GET /api/health/ready: 200 while the console serves; "degraded" when a cluster does not answer. */
export const ReadinessSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  clusters: z.array(ClusterHealthSchema),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

/** GET /api/health: the console process answers; no Kafka call behind it. */
export const LivenessSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  uptimeSeconds: z.number().int().nonnegative(),
});
export type Liveness = z.infer<typeof LivenessSchema>;
