import 'server-only';
import { z } from 'zod';
import { ConnectClustersConfigSchema } from '@/server/config/connect';
import { SchemaRegistryConfigSchema } from '@/server/config/schema-registry';
import { SaslConfigSchema, TlsConfigSchema } from '@/server/config/security';

const hostPort = z
  .string()
  .trim()
  .regex(/^[^\s:/]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, 'expected host:port, e.g. kafka-1:9092');

export const ClusterConfigSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'expected lowercase letters, digits, "-" or "_" (used in URLs)'),
  name: z.string().trim().min(1, 'must not be empty'),
  bootstrapServers: z.array(hostPort).min(1, 'needs at least one host:port'),
  /** Upper bound for one Kafka call made while serving a request. */
  requestTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
  connectionTimeoutMs: z.number().int().min(200).max(60_000).default(3_000),
  /** SASL authentication (SASL_PLAINTEXT, or SASL_SSL together with `tls`). */
  sasl: SaslConfigSchema.optional(),
  tls: TlsConfigSchema.optional(),
  /** The schema registry that decodes Avro, Protobuf and JSON Schema records of this cluster. */
  schemaRegistry: SchemaRegistryConfigSchema.optional(),
  /** Kafka Connect clusters (worker groups) that work on this cluster, zero or more. */
  connect: ConnectClustersConfigSchema,
  /** Refuse every change through the console, whoever asks (403 read_only). */
  readOnly: z.boolean().default(false),
});
export type ClusterConfig = z.output<typeof ClusterConfigSchema>;

export const ConsoleConfigSchema = z
  .object({ clusters: z.array(ClusterConfigSchema).min(1, 'at least one cluster must be configured') })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.clusters.forEach((cluster, index) => {
      if (seen.has(cluster.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['clusters', index, 'id'],
          message: `duplicate cluster id "${cluster.id}"`,
        });
      }
      seen.add(cluster.id);
    });
  });
export type ConsoleConfig = z.infer<typeof ConsoleConfigSchema>;
