import 'server-only';
import {
  SilenceInputSchema,
  type AlertHistory,
  type AlertsOverview,
  type ChannelList,
  type RuleSpec,
  type SilenceInput,
  type TestResult,
} from '@/lib/schemas/alerts';
import { getAlertsConfig } from '@/server/config/alerts';
import { AppError } from '@/server/http/app-error';
import { getStore, type Store } from '@/server/store';
import {
  activeSilences,
  addSilence,
  allStates,
  lastEvaluated,
  recentEvents,
  removeSilence,
  silenceCovers,
} from '@/server/store/alert-store';
import { allChannels, allRules, channelView } from '@/server/services/alerts/definitions';
import { testChannel } from '@/server/services/alerts/deliver';
import { deliverySettings } from '@/server/services/alerts/runner';

/** What the API answers about alerts: rules with their states, history, channels (masked), silences. */

/** The store, or the 503 the console answers while it cannot be reached. */
export async function alertStore(): Promise<Store> {
  try {
    return await getStore();
  } catch (error) {
    throw new AppError('store_unavailable', `The alerts store is not available: ${(error as Error).message}`);
  }
}

export async function alertsOverview(store: Store, now = Date.now()): Promise<AlertsOverview> {
  const [rules, states, silences, evaluatedAt, channels] = await Promise.all([
    allRules(store),
    allStates(store),
    activeSilences(store, now),
    lastEvaluated(store),
    allChannels(store),
  ]);
  const names = new Set(channels.map((c) => c.name));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const silencedUntil = (ruleId: string, clusterId: string | null, subject: string | null) => {
    const covering = silences.filter((s) =>
      clusterId === null
        ? s.rule_id === ruleId && s.cluster_id === '' && s.subject === ''
        : silenceCovers(s, ruleId, clusterId, subject ?? ''),
    );
    return covering.length ? Math.max(...covering.map((s) => Number(s.until))) : null;
  };
  return {
    rules: rules.map((r) => ({
      ...r.spec,
      id: r.id,
      source: r.source,
      pending: states.filter((s) => s.rule_id === r.id && s.status === 'pending').length,
      firing: states.filter((s) => s.rule_id === r.id && s.status === 'firing').length,
      silencedUntil: silencedUntil(r.id, null, null),
      unknownChannels: r.spec.channels.filter((c) => !names.has(c)),
    })),
    active: states.flatMap((s) => {
      const rule = byId.get(s.rule_id);
      if (!rule) return [];
      return [
        {
          ruleId: s.rule_id,
          ruleName: rule.spec.name,
          clusterId: s.cluster_id,
          subject: s.subject,
          status: s.status,
          severity: rule.spec.severity,
          value: s.value,
          threshold: s.threshold,
          detail: s.detail,
          since: Number(s.since),
          firedAt: s.fired_at === null ? null : Number(s.fired_at),
          silencedUntil: silencedUntil(s.rule_id, s.cluster_id, s.subject),
        },
      ];
    }),
    silences: silences.map((s) => ({
      id: s.id,
      ruleId: s.rule_id,
      clusterId: s.cluster_id || null,
      subject: s.subject || null,
      until: Number(s.until),
      createdBy: s.created_by,
      createdAt: Number(s.created_at),
      comment: s.comment,
    })),
    evaluatedAt,
  };
}

export async function alertHistory(
  store: Store,
  query: { limit: number; ruleId?: string },
): Promise<AlertHistory> {
  const { events, deliveries } = await recentEvents(store, query);
  return {
    events: events.map((e) => ({
      id: e.id,
      ruleId: e.rule_id,
      ruleName: e.rule_name,
      clusterId: e.cluster_id,
      subject: e.subject,
      state: e.state,
      severity: e.severity as RuleSpec['severity'],
      value: e.value,
      threshold: e.threshold,
      detail: e.detail,
      startedAt: Number(e.started_at),
      at: Number(e.at),
      silenced: e.silenced === 1,
      deliveries: deliveries
        .filter((d) => d.event_id === e.id)
        .map((d) => ({
          channel: d.channel,
          status: d.status,
          attempts: d.attempts,
          lastError: d.last_error,
          deliveredAt: d.delivered_at === null ? null : Number(d.delivered_at),
        })),
    })),
  };
}

export async function channelList(store: Store): Promise<ChannelList> {
  return {
    channels: (await allChannels(store)).map(channelView),
    webhookAllow: getAlertsConfig().webhookAllow,
  };
}

export async function sendTest(store: Store, name: string, user: string): Promise<TestResult> {
  const channel = (await allChannels(store)).find((c) => c.name === name);
  if (!channel) throw new AppError('not_found', `No alert channel "${name}"`);
  return testChannel(channel, deliverySettings(), user);
}

export async function createSilence(store: Store, raw: SilenceInput, user: string, now = Date.now()) {
  const input = SilenceInputSchema.parse(raw);
  if (!(await allRules(store)).some((r) => r.id === input.ruleId))
    throw new AppError('validation_failed', `ruleId: no alert rule "${input.ruleId}"`);
  const until = input.until ?? now + input.for!;
  if (until <= now) throw new AppError('validation_failed', 'until: must be in the future');
  const id = await addSilence(store, {
    rule_id: input.ruleId,
    cluster_id: input.clusterId ?? '',
    subject: input.subject ?? '',
    until,
    created_by: user,
    created_at: now,
    comment: input.comment,
  });
  return { id, until };
}

export async function deleteSilence(store: Store, id: number): Promise<void> {
  if (!(await removeSilence(store, id))) throw new AppError('not_found', `No silence ${id}`);
}
