import { z } from 'zod';

/**
 * Alert rules and channels: one definition for the YAML config, the API and the forms. A kind is one
 * row of `ruleKinds` plus one condition on the server (server/services/alerts/conditions.ts, typed as
 * a record of every kind, so a kind without a condition does not compile).
 */
export const ruleKinds = {
  lag_above: { scope: 'group', threshold: 'records', label: 'Lag above' },
  time_lag_above: { scope: 'group', threshold: 'duration', label: 'Time lag above' },
  stalled: { scope: 'group', threshold: null, label: 'Stalled (lag grows, offsets frozen)' },
  expired: { scope: 'group', threshold: null, label: 'Committed offsets expired' },
  no_members: { scope: 'group', threshold: null, label: 'No members' },
  lag_growing: { scope: 'group', threshold: null, label: 'Lag growing' },
  broker_down: { scope: 'cluster', threshold: 'brokers', label: 'Broker down' },
  under_replicated: { scope: 'cluster', threshold: 'partitions', label: 'Under-replicated partitions' },
  offline_partitions: { scope: 'cluster', threshold: 'partitions', label: 'Offline partitions' },
  controller_changed: { scope: 'cluster', threshold: null, label: 'Controller changed' },
  cluster_unreachable: { scope: 'cluster', threshold: null, label: 'Cluster unreachable' },
  connector_failed: { scope: 'cluster', threshold: null, label: 'Connector or task failed' },
} as const satisfies Record<
  string,
  {
    scope: 'group' | 'cluster';
    threshold: 'records' | 'duration' | 'brokers' | 'partitions' | null;
    label: string;
  }
>;
export type RuleKind = keyof typeof ruleKinds;
export const RuleKindSchema = z.enum(Object.keys(ruleKinds) as [RuleKind, ...RuleKind[]]);

export const severities = ['info', 'warning', 'critical'] as const;
export const SeveritySchema = z.enum(severities);
export type Severity = z.infer<typeof SeveritySchema>;

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)$/;

/** `90s`, `5m`, `1h`, `2d`, `0` → ms; null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  if (t === '0') return 0;
  const match = DURATION.exec(t);
  return match ? Math.round(Number(match[1]) * UNITS[match[2]!]!) : null;
}

/** ms → the shortest text parseDuration reads back (`300000` → `5m`). */
export function durationText(ms: number): string {
  if (ms === 0) return '0';
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const)
    if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

const MAX_FOR_MS = 7 * 86_400_000;
/** A duration as text (`5m`) or a number of milliseconds. */
export const DurationSchema = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === null || !Number.isInteger(ms) || ms < 0 || ms > MAX_FOR_MS) {
    ctx.addIssue({ code: 'custom', message: 'expected a duration such as 90s, 5m or 1h (at most 7d)' });
    return z.NEVER;
  }
  return ms;
});

/** `payments-*`: `*` is any run of characters, everything else is itself. */
export const NamePatternSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty (use * for every name)')
  .max(249)
  .regex(/^[A-Za-z0-9._*-]+$/, 'may hold letters, digits, . _ - and * only');

/** Whether `name` matches a `*` pattern; linear, no regular expression is built from user text. */
export function globMatch(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (!name.startsWith(first) || name.length < first.length + last.length || !name.endsWith(last))
    return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

export const ChannelNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, - and _, starting with a letter or digit');

const ruleFields = {
  name: z.string().trim().min(1, 'must not be empty').max(120),
  kind: RuleKindSchema,
  /** Records (lag_above), a duration (time_lag_above), brokers expected (broker_down), partitions allowed. */
  threshold: z.union([z.number(), z.string()]).optional(),
  /** Cluster ids; empty means every cluster. */
  clusters: z.array(z.string().trim().min(1).max(63)).max(50).default([]),
  groups: NamePatternSchema.default('*'),
  topics: NamePatternSchema.default('*'),
  for: DurationSchema.default(0),
  severity: SeveritySchema.default('warning'),
  channels: z.array(ChannelNameSchema).max(20).default([]),
  enabled: z.boolean().default(true),
};

/** A rule as written in YAML or sent by the form: thresholds checked against the kind, durations in ms. */
export const RuleInputSchema = z
  .object(ruleFields)
  .strict()
  .transform((raw, ctx) => {
    const unit = ruleKinds[raw.kind].threshold;
    let threshold: number | null = null;
    if (unit === null) {
      if (raw.threshold !== undefined)
        ctx.addIssue({ code: 'custom', path: ['threshold'], message: `${raw.kind} takes no threshold` });
    } else if (raw.threshold === undefined) {
      if (unit === 'records' || unit === 'duration')
        ctx.addIssue({ code: 'custom', path: ['threshold'], message: `${raw.kind} needs a threshold` });
    } else {
      const value =
        unit === 'duration' && typeof raw.threshold === 'string'
          ? parseDuration(raw.threshold)
          : typeof raw.threshold === 'number'
            ? raw.threshold
            : /^\d+$/.test(raw.threshold.trim())
              ? Number(raw.threshold)
              : null;
      if (value === null || !Number.isSafeInteger(value) || value < 0)
        ctx.addIssue({
          code: 'custom',
          path: ['threshold'],
          message:
            unit === 'duration'
              ? 'expected a duration such as 30s or 10m'
              : `expected a whole number of ${unit} (0 or more)`,
        });
      else threshold = value;
    }
    if (new Set(raw.channels).size !== raw.channels.length)
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'names a channel twice' });
    return {
      name: raw.name,
      kind: raw.kind,
      threshold,
      clusters: [...new Set(raw.clusters)],
      groups: raw.groups,
      topics: raw.topics,
      forMs: raw.for,
      severity: raw.severity,
      channels: raw.channels,
      enabled: raw.enabled,
    };
  });
export type RuleInput = z.input<typeof RuleInputSchema>;
export type RuleSpec = z.output<typeof RuleInputSchema>;

export const RuleSpecSchema = z.object({
  name: z.string(),
  kind: RuleKindSchema,
  threshold: z.number().nullable(),
  clusters: z.array(z.string()),
  groups: z.string(),
  topics: z.string(),
  forMs: z.number(),
  severity: SeveritySchema,
  channels: z.array(z.string()),
  enabled: z.boolean(),
});

export const RuleSourceSchema = z.enum(['config', 'ui']);
export const AlertStatusSchema = z.enum(['pending', 'firing']);

/** A (rule, cluster, subject) that is not ok: pending until `for` has passed, then firing. */
export const AlertStateSchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  clusterId: z.string(),
  /** `group orders-app`, `group orders-app / topic orders`, `cluster`, `brokers`, `partitions`. */
  subject: z.string(),
  status: AlertStatusSchema,
  severity: SeveritySchema,
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  detail: z.string().nullable(),
  since: z.number(),
  firedAt: z.number().nullable(),
  silencedUntil: z.number().nullable(),
});
export type AlertState = z.infer<typeof AlertStateSchema>;

export const RuleViewSchema = RuleSpecSchema.extend({
  id: z.string(),
  source: RuleSourceSchema,
  /** The subjects that are pending or firing now; every other subject is ok. */
  pending: z.number(),
  firing: z.number(),
  silencedUntil: z.number().nullable(),
  /** Channels the rule names that no config or store defines. */
  unknownChannels: z.array(z.string()),
});
export type RuleView = z.infer<typeof RuleViewSchema>;

export const SilenceSchema = z.object({
  id: z.number(),
  ruleId: z.string(),
  /** null: every subject of the rule. */
  clusterId: z.string().nullable(),
  subject: z.string().nullable(),
  until: z.number(),
  createdBy: z.string(),
  createdAt: z.number(),
  comment: z.string(),
});
export type Silence = z.infer<typeof SilenceSchema>;

export const AlertsOverviewSchema = z.object({
  rules: z.array(RuleViewSchema),
  active: z.array(AlertStateSchema),
  silences: z.array(SilenceSchema),
  /** When the rules were last evaluated (by whichever console holds the lease), or null. */
  evaluatedAt: z.number().nullable(),
});
export type AlertsOverview = z.infer<typeof AlertsOverviewSchema>;

export const DeliverySchema = z.object({
  channel: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  deliveredAt: z.number().nullable(),
});

export const AlertEventSchema = z.object({
  id: z.number(),
  ruleId: z.string(),
  ruleName: z.string(),
  clusterId: z.string(),
  subject: z.string(),
  state: z.enum(['firing', 'resolved']),
  severity: SeveritySchema,
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  detail: z.string().nullable(),
  startedAt: z.number(),
  at: z.number(),
  silenced: z.boolean(),
  deliveries: z.array(DeliverySchema),
});
export type AlertEvent = z.infer<typeof AlertEventSchema>;
export const AlertHistorySchema = z.object({ events: z.array(AlertEventSchema) });
export type AlertHistory = z.infer<typeof AlertHistorySchema>;

export const HistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  ruleId: z.string().max(200).optional(),
});

export const SilenceInputSchema = z
  .object({
    ruleId: z.string().min(1).max(200),
    clusterId: z.string().min(1).max(63).nullable().default(null),
    subject: z.string().min(1).max(600).nullable().default(null),
    /** How long from now (`2h`), or until an epoch-ms time. */
    for: DurationSchema.optional(),
    until: z.number().int().positive().optional(),
    comment: z.string().max(500).default(''),
  })
  .strict()
  .superRefine((raw, ctx) => {
    if ((raw.for === undefined) === (raw.until === undefined))
      ctx.addIssue({ code: 'custom', path: ['for'], message: 'give either for or until' });
    if (raw.subject !== null && raw.clusterId === null)
      ctx.addIssue({ code: 'custom', path: ['clusterId'], message: 'a subject needs its cluster' });
  });
export type SilenceInput = z.input<typeof SilenceInputSchema>;

export const channelTypes = ['webhook', 'slack', 'email'] as const;
export const ChannelTypeSchema = z.enum(channelTypes);
export type ChannelType = z.infer<typeof ChannelTypeSchema>;
export const smtpSecurity = ['tls', 'starttls', 'none'] as const;

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const email = z.email({ error: 'expected an e-mail address' });

/**
 * A channel as the form sends it. The secret (a webhook's URL, an SMTP password) may be left out on
 * an update to keep the one stored; the API never sends it back.
 */
export const ChannelInputSchema = z.discriminatedUnion('type', [
  z.object({ name: ChannelNameSchema, type: z.literal('webhook'), url: httpUrl.optional() }).strict(),
  z.object({ name: ChannelNameSchema, type: z.literal('slack'), url: httpUrl.optional() }).strict(),
  z
    .object({
      name: ChannelNameSchema,
      type: z.literal('email'),
      host: z.string().trim().min(1, 'must not be empty').max(253),
      port: z.number().int().min(1).max(65_535).default(587),
      security: z.enum(smtpSecurity).default('starttls'),
      user: z.string().trim().max(200).optional(),
      password: z.string().min(1).max(500).optional(),
      from: email,
      to: z.array(email).min(1, 'needs at least one recipient').max(50),
    })
    .strict(),
]);
export type ChannelInput = z.input<typeof ChannelInputSchema>;

/** A channel as the API shows it: secrets masked, with `hasSecret` telling whether one is set. */
export const ChannelViewSchema = z.object({
  name: z.string(),
  type: ChannelTypeSchema,
  source: z.enum(['config', 'env', 'ui']),
  /** `https://hooks.example.com/…` for a webhook, `user@smtp.example.com:587 (starttls)` for mail. */
  target: z.string(),
  hasSecret: z.boolean(),
  email: z
    .object({
      host: z.string(),
      port: z.number(),
      security: z.enum(smtpSecurity),
      user: z.string().nullable(),
      from: z.string(),
      to: z.array(z.string()),
    })
    .nullable(),
});
export type ChannelView = z.infer<typeof ChannelViewSchema>;
export const ChannelListSchema = z.object({
  channels: z.array(ChannelViewSchema),
  /** The webhook hosts allowed (KAFKASCOPE_ALERTS_WEBHOOK_ALLOW), or null: any public address. */
  webhookAllow: z.array(z.string()).nullable(),
});
export type ChannelList = z.infer<typeof ChannelListSchema>;

export const TestResultSchema = z.object({ ok: z.boolean(), message: z.string(), ms: z.number() });
export type TestResult = z.infer<typeof TestResultSchema>;

/** The body every generic webhook receives (docs/alerts.md). */
export interface WebhookBody {
  rule: { id: string; name: string; kind: RuleKind };
  state: 'firing' | 'resolved';
  severity: Severity;
  cluster: string;
  subject: string;
  value: number | null;
  threshold: number | null;
  detail: string | null;
  startedAt: string;
  at: string;
  url: string | null;
  test?: true;
}
