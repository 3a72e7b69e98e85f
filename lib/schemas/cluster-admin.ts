import { z } from 'zod';

/** Shared by the console's forms and its routes: SCRAM users, client quotas and broker configs. */

export const scramMechanisms = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export const ScramMechanismSchema = z.enum(scramMechanisms);
export type ScramMechanism = z.infer<typeof ScramMechanismSchema>;

// Kafka's own bounds (ScramMechanism.java): 4096 to 16384 iterations.
export const MIN_SCRAM_ITERATIONS = 4096;
export const MAX_SCRAM_ITERATIONS = 16384;

/** A SCRAM user name: the body's `user` and the `[user]` segment of DELETE /scram-users/:user. */
export const ScramUserNameSchema = z
  .string()
  .trim()
  .min(1, 'enter a user name')
  .max(255, 'at most 255 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');

export const ScramUserListSchema = z.object({
  users: z.array(
    z.object({
      user: z.string(),
      credentials: z.array(z.object({ mechanism: ScramMechanismSchema, iterations: z.number().int() })),
    }),
  ),
});
export type ScramUserList = z.infer<typeof ScramUserListSchema>;

/** POST: create a user's credential for one mechanism, or change its password. */
export const ScramUpsertSchema = z.object({
  user: ScramUserNameSchema,
  mechanism: ScramMechanismSchema,
  iterations: z.coerce
    .number()
    .int('a whole number')
    .min(MIN_SCRAM_ITERATIONS, `at least ${MIN_SCRAM_ITERATIONS}`)
    .max(MAX_SCRAM_ITERATIONS, `at most ${MAX_SCRAM_ITERATIONS}`),
  password: z.string().min(8, 'at least 8 characters').max(1000, 'at most 1000 characters'),
  /** Adding a user: refused (409) when it already has a credential of this mechanism, whose password would change. */
  create: z.boolean().optional(),
});
export type ScramUpsert = z.infer<typeof ScramUpsertSchema>;

/** DELETE body: the mechanisms to remove (all of the user's when omitted). */
export const ScramDeleteSchema = z.object({ mechanisms: z.array(ScramMechanismSchema).optional() });
export type ScramDelete = z.infer<typeof ScramDeleteSchema>;

export const quotaEntityTypes = ['user', 'client-id', 'ip'] as const;
export const QuotaEntityTypeSchema = z.enum(quotaEntityTypes);

/** Quota keys by the entity types they apply to (QuotaConfig.java). */
export const clientQuotaKeys = [
  'producer_byte_rate',
  'consumer_byte_rate',
  'request_percentage',
  'controller_mutation_rate',
] as const;
export const ipQuotaKeys = ['connection_creation_rate'] as const;
export const QuotaKeySchema = z.enum([...clientQuotaKeys, ...ipQuotaKeys]);
export type QuotaKey = z.infer<typeof QuotaKeySchema>;

/** One part of an entity; name null is the default of its type ("<default>" in kafka-configs). */
export const QuotaEntityPartSchema = z.object({
  type: QuotaEntityTypeSchema,
  name: z.string().trim().min(1, 'enter a name').max(255).nullable(),
});

/** user, client-id, user + client-id, or ip; each by name or as the default. */
export const QuotaEntitySchema = z
  .array(QuotaEntityPartSchema)
  .min(1)
  .max(2)
  .refine((parts) => new Set(parts.map((p) => p.type)).size === parts.length, 'each type at most once')
  .refine(
    (parts) => parts.length === 1 || parts.every((p) => p.type !== 'ip'),
    'an IP quota stands alone: it cannot be combined with a user or client id',
  )
  .refine(
    (parts) => parts.every((p) => p.type !== 'ip' || p.name === null || isIpAddress(p.name)),
    'not an IP address',
  );
export type QuotaEntity = z.infer<typeof QuotaEntitySchema>;

function isIpAddress(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s))
    return s.split('.').every((n) => Number(n) <= 255);
  return /^[0-9a-f:]+$/i.test(s) && s.includes(':');
}

export const QuotaListSchema = z.object({
  entries: z.array(
    z.object({ entity: z.array(QuotaEntityPartSchema), values: z.record(z.string(), z.number()) }),
  ),
});
export type QuotaList = z.infer<typeof QuotaListSchema>;

/** PATCH: set and remove quotas of one entity; dryRun asks Kafka to validate only. */
export const AlterQuotasSchema = z
  .object({
    entity: QuotaEntitySchema,
    set: z
      .partialRecord(QuotaKeySchema, z.number().positive('must be more than 0').max(Number.MAX_SAFE_INTEGER))
      .default({}),
    remove: z.array(QuotaKeySchema).default([]),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => Object.keys(b.set).length + b.remove.length > 0, 'nothing to change')
  .refine((b) => {
    const isIp = b.entity.some((p) => p.type === 'ip');
    const keys = [...Object.keys(b.set), ...b.remove];
    const allowed: readonly string[] = isIp ? ipQuotaKeys : clientQuotaKeys;
    return keys.every((k) => allowed.includes(k));
  }, 'connection_creation_rate applies to IPs only, the other quotas to users and client ids only')
  .refine(
    (b) => (b.set.request_percentage ?? 0) <= 100 * 1000,
    'request_percentage is a percentage of one I/O thread',
  );
export type AlterQuotas = z.input<typeof AlterQuotasSchema>;

export const QuotaChangeResultSchema = z.object({
  applied: z.boolean(),
  before: z.record(z.string(), z.number()),
  after: z.record(z.string(), z.number()),
});
export type QuotaChangeResult = z.infer<typeof QuotaChangeResultSchema>;

export const configSources = [
  'UNKNOWN',
  'DYNAMIC_TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'CLIENT_METRICS_CONFIG',
  'GROUP_CONFIG',
] as const;

export const BrokerConfigEntrySchema = z.object({
  name: z.string(),
  value: z.string().nullable(),
  isSet: z.boolean(),
  source: z.enum(configSources),
  type: z.string(),
  readOnly: z.boolean(),
  sensitive: z.boolean(),
  documentation: z.string().nullable(),
  synonyms: z.array(
    z.object({ name: z.string(), value: z.string().nullable(), source: z.enum(configSources) }),
  ),
});
export type BrokerConfigEntry = z.infer<typeof BrokerConfigEntrySchema>;

export const BrokerConfigListSchema = z.object({
  /** A broker id, or "default" for the cluster-wide dynamic defaults. */
  scope: z.string(),
  configs: z.array(BrokerConfigEntrySchema),
  /** For "default": every key a live broker knows, with its type, documentation and whether it is dynamic. */
  reference: z.array(BrokerConfigEntrySchema).optional(),
});
export type BrokerConfigList = z.infer<typeof BrokerConfigListSchema>;

const configName = z
  .string()
  .trim()
  .min(1)
  .max(249)
  .regex(/^[a-zA-Z0-9._-]+$/, 'not a config name');

/**
 * Keys Kafka takes per listener, as `listener.name.<listener>.<key>` (DescribeConfigs does not list
 * them unless they are set): the keystore and truststore of an SSL listener, which is how a keystore
 * is rotated without a restart (SslConfigs.RECONFIGURABLE_CONFIGS), and a listener's connection limits.
 */
export const perListenerConfigKeys = [
  'ssl.keystore.type',
  'ssl.keystore.location',
  'ssl.keystore.password',
  'ssl.key.password',
  'ssl.keystore.certificate.chain',
  'ssl.keystore.key',
  'ssl.truststore.type',
  'ssl.truststore.location',
  'ssl.truststore.password',
  'ssl.truststore.certificates',
  'max.connections',
  'max.connection.creation.rate',
] as const;

/** SASL mechanisms a listener's JAAS config is set for: `listener.name.<l>.<mechanism>.sasl.jaas.config`. */
const saslMechanisms = ['plain', 'scram-sha-256', 'scram-sha-512', 'oauthbearer', 'gssapi'];

/**
 * A per-listener key split into its listener (lower case, as Kafka writes it in keys) and the broker
 * key it sets (`sasl.jaas.config` for a mechanism's JAAS config); null for any other key, and for a
 * per-listener key Kafka does not take dynamically.
 */
export function perListenerKey(name: string): { listener: string; key: string } | null {
  const match = /^listener\.name\.([a-z0-9_-]+)\.(.+)$/.exec(name);
  if (!match) return null;
  const [, listener, rest] = match as unknown as [string, string, string];
  if ((perListenerConfigKeys as readonly string[]).includes(rest)) return { listener, key: rest };
  const sasl = /^([a-z0-9-]+)\.sasl\.jaas\.config$/.exec(rest);
  if (sasl && saslMechanisms.includes(sasl[1]!)) return { listener, key: 'sasl.jaas.config' };
  return null;
}

/** The listener names of a broker's `listeners` value (`SSL://host:9093,…`), lower case as in keys. */
export function listenerNames(listeners: string | null | undefined): string[] {
  return (listeners ?? '')
    .split(',')
    .map((l) => /^\s*([A-Za-z0-9_-]+):\/\//.exec(l)?.[1]?.toLowerCase())
    .filter((l): l is string => Boolean(l));
}

/** PATCH: set and remove dynamic broker configs; dryRun has Kafka validate only. */
export const AlterBrokerConfigsSchema = z
  .object({
    set: z.record(configName, z.string().max(100_000)).default({}),
    reset: z.array(configName).default([]),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => Object.keys(b.set).length + b.reset.length > 0, 'nothing to change')
  .refine((b) => b.reset.every((k) => !(k in b.set)), 'a key is both set and removed');
export type AlterBrokerConfigs = z.input<typeof AlterBrokerConfigsSchema>;

/** One key's change; sensitive values are never shown, only whether they are set. */
export const BrokerConfigChangeSchema = z.object({
  name: z.string(),
  sensitive: z.boolean(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  beforeSource: z.enum(configSources),
});
export const BrokerConfigChangeResultSchema = z.object({
  applied: z.boolean(),
  changes: z.array(BrokerConfigChangeSchema),
});
export type BrokerConfigChangeResult = z.infer<typeof BrokerConfigChangeResultSchema>;

/** The label of a quota entity, as kafka-configs names it. */
export function quotaEntityLabel(entity: { type: string; name: string | null }[]): string {
  return entity.map((p) => `${p.type}=${p.name ?? '<default>'}`).join(', ');
}
