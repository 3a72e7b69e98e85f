import 'server-only';
import { z } from 'zod';
import { ChannelNameSchema, RuleInputSchema, smtpSecurity, type RuleSpec } from '@/lib/schemas/alerts';
import { ConfigError, slugify } from '@/server/config/clusters';
import { either } from '@/server/config/security';
import { readYamlFile } from '@/server/config/yaml-file';

/**
 * Alert rules and channels of the config (the YAML file's `alerts:` section; channels also from
 * `KAFKASCOPE_ALERTS_CHANNELS_<n>_*`), read-only in the UI, and the delivery settings. Secrets (a
 * webhook URL, an SMTP password) may be inline or in a file (`urlFile`, `passwordFile`), read at start;
 * messages name fields and paths, never values.
 */

export interface EmailSettings {
  host: string;
  port: number;
  security: (typeof smtpSecurity)[number];
  user: string | null;
  password: string | null;
  from: string;
  to: string[];
}

/** A channel ready to send: from the config, the environment or the store. */
export type Channel =
  | { name: string; type: 'webhook' | 'slack'; source: 'config' | 'env' | 'ui'; url: string | null }
  | { name: string; type: 'email'; source: 'config' | 'env' | 'ui'; email: EmailSettings };

export interface ConfigRule {
  id: string;
  spec: RuleSpec;
}

export interface AlertsConfig {
  rules: ConfigRule[];
  channels: Channel[];
  /** Host patterns a webhook may reach, or null: any host whose addresses are all public. */
  webhookAllow: string[] | null;
  /** `off` stops evaluation (the rules and history stay readable). */
  enabled: boolean;
  /** Time-out of one delivery, and how often and how far apart one is tried. */
  delivery: { timeoutMs: number; maxAttempts: number; backoffMs: number };
  /** Where links in notifications point (KAFKASCOPE_PUBLIC_URL), or null. */
  publicUrl: string | null;
}

const text = z.string().trim().min(1, 'must not be empty');
const secretUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const ChannelConfigSchema = z
  .object({
    name: ChannelNameSchema,
    type: z.enum(['webhook', 'slack', 'email']),
    url: secretUrl.optional(),
    urlFile: text.optional(),
    host: text.optional(),
    port: z.number().int().min(1).max(65_535).optional(),
    security: z.enum(smtpSecurity).optional(),
    user: text.optional(),
    password: z.string().min(1).optional(),
    passwordFile: text.optional(),
    from: z.email().optional(),
    to: z.array(z.email()).min(1).optional(),
  })
  .strict()
  .transform((raw, ctx): Channel => {
    const need = (field: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message: `is required for a ${raw.type} channel` });
    const unused = (fields: string[]) => {
      for (const f of fields)
        if ((raw as Record<string, unknown>)[f] !== undefined)
          ctx.addIssue({ code: 'custom', path: [f], message: `is not used by a ${raw.type} channel` });
    };
    if (raw.type !== 'email') {
      unused(['host', 'port', 'security', 'user', 'password', 'passwordFile', 'from', 'to']);
      const url = either(raw, 'url', ctx, { trim: true });
      if (url === undefined) need('url');
      else if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
        ctx.addIssue({ code: 'custom', path: ['urlFile'], message: 'does not hold an http(s) URL' });
      return { name: raw.name, type: raw.type, source: 'config', url: url ?? null };
    }
    unused(['url', 'urlFile']);
    if (!raw.host) need('host');
    if (!raw.from) need('from');
    if (!raw.to) need('to');
    const password = either(raw, 'password', ctx, { trim: true });
    const security = raw.security ?? 'starttls';
    return {
      name: raw.name,
      type: 'email',
      source: 'config',
      email: {
        host: raw.host ?? '',
        port: raw.port ?? (security === 'tls' ? 465 : 587),
        security,
        user: raw.user ?? null,
        password: password ?? null,
        from: raw.from ?? '',
        to: raw.to ?? [],
      },
    };
  });

const SectionSchema = z
  .object({
    rules: z.array(z.unknown()).default([]),
    channels: z.array(z.unknown()).default([]),
  })
  .strict();

type Env = Record<string, string | undefined>;
const ENV_CHANNEL = /^KAFKASCOPE_ALERTS_CHANNELS_(\d+)_([A-Z_]+)$/;
const ENV_CHANNEL_FIELDS: Record<string, string> = {
  NAME: 'name',
  TYPE: 'type',
  URL: 'url',
  URL_FILE: 'urlFile',
  SMTP_HOST: 'host',
  SMTP_PORT: 'port',
  SMTP_SECURITY: 'security',
  SMTP_USER: 'user',
  SMTP_PASSWORD: 'password',
  SMTP_PASSWORD_FILE: 'passwordFile',
  FROM: 'from',
  TO: 'to',
};

function channelsFromEnv(env: Env): { raw: Record<string, unknown>[]; sources: string[] } {
  const byIndex = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(env)) {
    const match = ENV_CHANNEL.exec(key);
    if (!match || value === undefined) continue;
    const field = ENV_CHANNEL_FIELDS[match[2]!];
    if (!field)
      throw new ConfigError(
        `Unknown alert channel setting ${key} (known: ${Object.keys(ENV_CHANNEL_FIELDS).join(', ')})`,
      );
    const channel = byIndex.get(Number(match[1])) ?? {};
    channel[field] =
      field === 'port'
        ? Number(value)
        : field === 'to'
          ? value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : value;
    byIndex.set(Number(match[1]), channel);
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  return {
    raw: indexes.map((i) => byIndex.get(i)!),
    sources: indexes.map((i) => `KAFKASCOPE_ALERTS_CHANNELS_${i}_`),
  };
}

const envName = (source: string, path: PropertyKey[]) =>
  source +
  (
    Object.entries(ENV_CHANNEL_FIELDS).find(([, f]) => f === path[0])?.[0] ?? String(path[0] ?? '')
  ).toString();

function issues(error: z.ZodError, where: (path: PropertyKey[]) => string): string[] {
  return error.issues.map((issue) => `  - ${where(issue.path)}: ${issue.message}`);
}

function number(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name}: expected a whole number of ${min}-${max}, not "${raw}"`);
  return n;
}

/** `hooks.slack.com, *.example.com, 127.0.0.1` → patterns; a port may follow a host (`127.0.0.1:8080`). */
export function parseAllowList(value: string | undefined): string[] | null {
  if (value === undefined || !value.trim()) return null;
  const patterns = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const p of patterns)
    if (!/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/.test(p))
      throw new ConfigError(
        `KAFKASCOPE_ALERTS_WEBHOOK_ALLOW: "${p}" is not a host pattern (host, *.domain or IP, with an optional :port)`,
      );
  return patterns;
}

/** Reads and validates the alerts settings; throws ConfigError naming the bad field. */
export function loadAlertsConfig(env: Env = process.env): AlertsConfig {
  const problems: string[] = [];
  let section: z.output<typeof SectionSchema> = { rules: [], channels: [] };
  const file = env.KAFKASCOPE_CONFIG;
  if (file) {
    let doc: unknown;
    try {
      doc = readYamlFile(file);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
    const raw = (doc as { alerts?: unknown } | null)?.alerts;
    if (raw !== undefined && raw !== null) {
      const parsed = SectionSchema.safeParse(raw);
      if (parsed.success) section = parsed.data;
      else problems.push(...issues(parsed.error, (path) => `${file}: alerts.${path.map(String).join('.')}`));
    }
  }
  const rules: ConfigRule[] = [];
  section.rules.forEach((raw, i) => {
    const parsed = RuleInputSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        ...issues(parsed.error, (path) => `${file}: alerts.rules[${i}].${path.map(String).join('.')}`),
      );
      return;
    }
    const id = `cfg.${slugify(parsed.data.name) || i}`;
    if (rules.some((r) => r.id === id || r.spec.name === parsed.data.name))
      problems.push(`  - ${file}: alerts.rules[${i}].name: another rule has the name "${parsed.data.name}"`);
    else rules.push({ id, spec: parsed.data });
  });
  const channels: Channel[] = [];
  section.channels.forEach((raw, i) => {
    const parsed = ChannelConfigSchema.safeParse(raw);
    if (!parsed.success)
      problems.push(
        ...issues(parsed.error, (path) => `${file}: alerts.channels[${i}].${path.map(String).join('.')}`),
      );
    else channels.push(parsed.data);
  });
  const fromEnv = channelsFromEnv(env);
  fromEnv.raw.forEach((raw, i) => {
    const parsed = ChannelConfigSchema.safeParse(raw);
    if (!parsed.success) problems.push(...issues(parsed.error, (path) => envName(fromEnv.sources[i]!, path)));
    else channels.push({ ...parsed.data, source: 'env' });
  });
  const names = new Set<string>();
  for (const c of channels) {
    if (names.has(c.name)) problems.push(`  - alert channel "${c.name}" is defined twice`);
    names.add(c.name);
  }
  let webhookAllow: string[] | null = null;
  let delivery = { timeoutMs: 10_000, maxAttempts: 5, backoffMs: 30_000 };
  try {
    webhookAllow = parseAllowList(env.KAFKASCOPE_ALERTS_WEBHOOK_ALLOW);
    delivery = {
      timeoutMs: number(env, 'KAFKASCOPE_ALERTS_TIMEOUT_MS', 10_000, 100, 60_000),
      maxAttempts: number(env, 'KAFKASCOPE_ALERTS_MAX_ATTEMPTS', 5, 1, 20),
      backoffMs: number(env, 'KAFKASCOPE_ALERTS_BACKOFF_MS', 30_000, 10, 3_600_000),
    };
  } catch (error) {
    problems.push(`  - ${(error as Error).message}`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid alerts configuration:\n${problems.join('\n')}`);
  const publicUrl = env.KAFKASCOPE_PUBLIC_URL?.trim();
  return {
    rules,
    channels,
    webhookAllow,
    enabled: env.KAFKASCOPE_ALERTS?.trim().toLowerCase() !== 'off',
    delivery,
    publicUrl: publicUrl && URL.canParse(publicUrl) ? new URL(publicUrl).origin : null,
  };
}

const cache = globalThis as unknown as { __kafkascopeAlertsConfig?: AlertsConfig };

export function getAlertsConfig(): AlertsConfig {
  cache.__kafkascopeAlertsConfig ??= loadAlertsConfig();
  return cache.__kafkascopeAlertsConfig;
}
