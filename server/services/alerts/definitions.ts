import 'server-only';
import { randomBytes } from 'node:crypto';
import {
  ChannelInputSchema,
  RuleSpecSchema,
  type ChannelInput,
  type ChannelView,
  type RuleSpec,
} from '@/lib/schemas/alerts';
import { getAlertsConfig, type AlertsConfig, type Channel, type EmailSettings } from '@/server/config/alerts';
import { getConfig } from '@/server/config/clusters';
import { AppError } from '@/server/http/app-error';
import type { Store } from '@/server/store';
import {
  deleteChannel,
  deleteRule,
  insertChannel,
  insertRule,
  storedChannel,
  storedChannels,
  storedRule,
  storedRules,
  updateChannel,
  updateRule,
  type ChannelRow,
} from '@/server/store/alert-definitions';
import { checkTarget, targetOf, WebhookRefused } from '@/server/services/alerts/allow-list';
import type { RuleEntry } from '@/server/services/alerts/evaluate';

/** Rules and channels from the config (read-only) and from the store (made by admins in the UI). */

export type SourcedRule = RuleEntry & { source: 'config' | 'ui' };

export async function allRules(
  store: Store,
  config: AlertsConfig = getAlertsConfig(),
): Promise<SourcedRule[]> {
  const stored = (await storedRules(store)).flatMap((row) => {
    const spec = RuleSpecSchema.safeParse(JSON.parse(row.spec));
    return spec.success ? [{ id: row.id, spec: spec.data, source: 'ui' as const }] : [];
  });
  return [...config.rules.map((r) => ({ ...r, source: 'config' as const })), ...stored];
}

/**
 * A stored channel with its secret opened. One sealed with another key (the store secret changed) has
 * no URL or password, so that sending it fails with that reason and the form asks for it again.
 */
function channelOf(store: Store, row: ChannelRow): Channel | null {
  const settings = JSON.parse(row.settings) as Record<string, unknown>;
  const secret = row.secret === null ? null : store.secrets.open(row.secret);
  if (row.type === 'webhook' || row.type === 'slack')
    return { name: row.name, type: row.type, source: 'ui', url: secret ?? '' };
  if (row.type === 'email')
    return {
      name: row.name,
      type: 'email',
      source: 'ui',
      email: { ...(settings as unknown as EmailSettings), password: secret },
    };
  return null;
}

/** Every channel with its secret, for sending only: never into an answer or a log. */
export async function allChannels(
  store: Store,
  config: AlertsConfig = getAlertsConfig(),
): Promise<Channel[]> {
  const stored = (await storedChannels(store)).flatMap((row) => channelOf(store, row) ?? []);
  return [...config.channels, ...stored];
}

/** A URL as it may be shown: scheme and host, the rest (where tokens live) masked. */
export function maskUrl(url: string | null): string {
  if (!url || !URL.canParse(url)) return '(none)';
  const u = new URL(url);
  return `${u.protocol}//${u.host}/…`;
}

export function channelView(c: Channel): ChannelView {
  if (c.type === 'email') {
    const e = c.email;
    return {
      name: c.name,
      type: c.type,
      source: c.source,
      target: `${e.user ? `${e.user}@` : ''}${e.host}:${e.port} (${e.security}) → ${e.to.join(', ')}`,
      hasSecret: e.password !== null,
      email: { host: e.host, port: e.port, security: e.security, user: e.user, from: e.from, to: e.to },
    };
  }
  return {
    name: c.name,
    type: c.type,
    source: c.source,
    target: maskUrl(c.url),
    hasSecret: Boolean(c.url),
    email: null,
  };
}

async function checkRule(store: Store, spec: RuleSpec, config: AlertsConfig, selfId: string | null) {
  const clusters = new Set(getConfig().clusters.map((c) => c.id));
  const unknown = spec.clusters.filter((c) => !clusters.has(c));
  if (unknown.length)
    throw new AppError(
      'validation_failed',
      `clusters: no cluster ${unknown.map((c) => `"${c}"`).join(', ')} is configured`,
    );
  const channels = new Set((await allChannels(store, config)).map((c) => c.name));
  const missing = spec.channels.filter((c) => !channels.has(c));
  if (missing.length)
    throw new AppError(
      'validation_failed',
      `channels: no channel ${missing.map((c) => `"${c}"`).join(', ')} is defined`,
    );
  const taken = (await allRules(store, config)).find((r) => r.spec.name === spec.name && r.id !== selfId);
  if (taken) throw new AppError('conflict', `name: a rule named "${spec.name}" exists already`);
}

const readOnlyRule = (id: string) =>
  new AppError('read_only', `Rule "${id}" comes from the config file: change it there`);

export async function createRule(store: Store, spec: RuleSpec, user: string): Promise<string> {
  const config = getAlertsConfig();
  await checkRule(store, spec, config, null);
  const id = randomBytes(6).toString('hex');
  const now = Date.now();
  await insertRule(store, {
    id,
    name: spec.name,
    spec: JSON.stringify(spec),
    created_at: now,
    updated_at: now,
    updated_by: user,
  });
  return id;
}

export async function editRule(store: Store, id: string, spec: RuleSpec, user: string): Promise<void> {
  const config = getAlertsConfig();
  if (config.rules.some((r) => r.id === id)) throw readOnlyRule(id);
  if (!(await storedRule(store, id))) throw new AppError('not_found', `No alert rule "${id}"`);
  await checkRule(store, spec, config, id);
  await updateRule(store, id, {
    name: spec.name,
    spec: JSON.stringify(spec),
    updated_at: Date.now(),
    updated_by: user,
  });
}

export async function removeRule(store: Store, id: string): Promise<void> {
  if (getAlertsConfig().rules.some((r) => r.id === id)) throw readOnlyRule(id);
  if (!(await deleteRule(store, id))) throw new AppError('not_found', `No alert rule "${id}"`);
}

/** Refuses a webhook URL the allow-list would refuse at sending time, so that the form says so at once. */
function checkWebhookUrl(url: string, config: AlertsConfig) {
  try {
    checkTarget(config.webhookAllow, targetOf(new URL(url)));
  } catch (error) {
    if (error instanceof WebhookRefused)
      throw new AppError('validation_failed', `url: ${error.message.replace(/; nothing was sent$/, '')}`);
    throw error;
  }
}

/**
 * Whether an edit that leaves the password empty keeps the stored one: only for the same server
 * and login. Pointing a channel at another host (or dropping TLS) with the stored password would
 * let an admin send it wherever they like.
 */
function keepsPassword(
  previous: ChannelRow | undefined,
  next: { host: string; port: number; security: string; user: string | null },
): boolean {
  if (previous?.type !== 'email' || !previous.secret) return false;
  const before = JSON.parse(previous.settings) as Partial<typeof next>;
  return (
    before.host === next.host &&
    before.port === next.port &&
    before.security === next.security &&
    (before.user ?? null) === next.user
  );
}

function rowOf(
  store: Store,
  input: ReturnType<typeof ChannelInputSchema.parse>,
  previous: ChannelRow | undefined,
) {
  const seal = (secret: string) => {
    if (!store.secrets.canSeal)
      throw new AppError(
        'validation_failed',
        `${input.type === 'email' ? 'password' : 'url'}: this console keeps its state in PostgreSQL without ` +
          'KAFKASCOPE_STORE_SECRET; set it (the same on every console process) to keep secrets entered here, ' +
          'or configure the channel in the config file',
      );
    return store.secrets.seal(secret);
  };
  if (input.type === 'email') {
    const noPassword = () => {
      if (previous?.type === 'email' && previous.secret && input.user)
        throw new AppError(
          'validation_failed',
          'password: the server or the user changed, so the stored password is not kept: enter it again',
        );
      return null;
    };
    const { name: _n, type: _t, password, ...settings } = input;
    void _n;
    void _t;
    const email = { ...settings, user: settings.user || null };
    return {
      type: input.type,
      settings: JSON.stringify(email),
      secret: password ? seal(password) : keepsPassword(previous, email) ? previous!.secret : noPassword(),
    };
  }
  const kept = previous?.type === input.type && previous.secret && store.secrets.open(previous.secret);
  if (!input.url && !kept) throw new AppError('validation_failed', 'url: a webhook needs its URL');
  return { type: input.type, settings: '{}', secret: input.url ? seal(input.url) : previous!.secret };
}

export async function createChannel(store: Store, raw: ChannelInput, user: string): Promise<void> {
  const input = ChannelInputSchema.parse(raw);
  const config = getAlertsConfig();
  if ((await allChannels(store, config)).some((c) => c.name === input.name))
    throw new AppError('conflict', `name: a channel named "${input.name}" exists already`);
  if (input.type !== 'email' && input.url) checkWebhookUrl(input.url, config);
  const now = Date.now();
  await insertChannel(store, {
    name: input.name,
    ...rowOf(store, input, undefined),
    created_at: now,
    updated_at: now,
    updated_by: user,
  });
}

export async function editChannel(
  store: Store,
  name: string,
  raw: ChannelInput,
  user: string,
): Promise<void> {
  const input = ChannelInputSchema.parse(raw);
  const config = getAlertsConfig();
  if (config.channels.some((c) => c.name === name))
    throw new AppError('read_only', `Channel "${name}" comes from the config: change it there`);
  const previous = await storedChannel(store, name);
  if (!previous) throw new AppError('not_found', `No alert channel "${name}"`);
  if (input.name !== name) throw new AppError('validation_failed', 'name: a channel keeps its name');
  if (input.type !== 'email' && input.url) checkWebhookUrl(input.url, config);
  await updateChannel(store, name, {
    ...rowOf(store, input, previous),
    updated_at: Date.now(),
    updated_by: user,
  });
}

export async function removeChannel(store: Store, name: string): Promise<void> {
  if (getAlertsConfig().channels.some((c) => c.name === name))
    throw new AppError('read_only', `Channel "${name}" comes from the config: change it there`);
  const users = (await allRules(store)).filter((r) => r.spec.channels.includes(name));
  if (users.length)
    throw new AppError(
      'conflict',
      `Channel "${name}" is used by rule ${users.map((r) => `"${r.spec.name}"`).join(', ')}`,
    );
  if (!(await deleteChannel(store, name))) throw new AppError('not_found', `No alert channel "${name}"`);
}
