import 'server-only';
import type { RuleKind, TestResult, WebhookBody } from '@/lib/schemas/alerts';
import type { Channel } from '@/server/config/alerts';
import { log } from '@/server/log';
import type { Store } from '@/server/store';
import { claimDelivery, dueDeliveries, settleDelivery, type EventRecord } from '@/server/store/alert-store';
import { send, type SendSettings } from '@/server/services/alerts/channels';

export interface DeliverySettings extends SendSettings {
  maxAttempts: number;
  /** The first retry's wait; each next one waits twice as long, at most an hour. */
  backoffMs: number;
  publicUrl: string | null;
}

/** The console page of a subject: its group, else its cluster's overview. */
export function pageOf(publicUrl: string | null, clusterId: string, subject: string): string | null {
  if (!publicUrl) return null;
  const group = /^group:([^/]+)/.exec(subject)?.[1];
  const cluster = encodeURIComponent(clusterId);
  return group
    ? `${publicUrl}/clusters/${cluster}/groups/${encodeURIComponent(group)}`
    : `${publicUrl}/clusters/${cluster}`;
}

export function bodyOf(event: EventRecord, publicUrl: string | null): WebhookBody {
  return {
    rule: { id: event.rule_id, name: event.rule_name, kind: event.kind as RuleKind },
    state: event.state,
    severity: event.severity as WebhookBody['severity'],
    cluster: event.cluster_id,
    subject: event.subject,
    value: event.value,
    threshold: event.threshold,
    detail: event.detail,
    startedAt: new Date(Number(event.started_at)).toISOString(),
    at: new Date(Number(event.at)).toISOString(),
    url: pageOf(publicUrl, event.cluster_id, event.subject),
  };
}

export const backoff = (attempt: number, baseMs: number) =>
  Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));

/**
 * Sends the deliveries that are due, a few at a time, each claimed first so that no two senders send
 * one; a failure is retried after an exponential pause until `maxAttempts`, then marked failed. The
 * last error is kept (no secret in it). Returns how many were delivered and how many failed this round.
 */
export async function deliverDue(
  store: Store,
  channels: Channel[],
  settings: DeliverySettings,
  now = Date.now(),
): Promise<{ delivered: number; retried: number; failed: number }> {
  const due = await dueDeliveries(store, now, 20);
  const out = { delivered: 0, retried: 0, failed: 0 };
  await Promise.all(
    due.map(async (d) => {
      // Held for the whole attempt: should this process die while sending, another tries after it.
      if (!(await claimDelivery(store, d, now, settings.timeoutMs + 30_000))) return;
      const attempt = d.attempts + 1;
      const channel = channels.find((c) => c.name === d.channel);
      try {
        if (!channel) throw new Error(`no channel named "${d.channel}" is defined`);
        await send(channel, bodyOf(d.event, settings.publicUrl), settings);
        await settleDelivery(store, d.id, { status: 'delivered', at: Date.now() });
        out.delivered += 1;
      } catch (error) {
        const message = (error as Error).message;
        if (!channel || attempt >= settings.maxAttempts) {
          await settleDelivery(store, d.id, { status: 'failed', error: message });
          out.failed += 1;
          log('warn', 'alert notification failed', {
            channel: d.channel,
            event: d.event_id,
            attempts: attempt,
            error: message,
          });
        } else {
          await settleDelivery(store, d.id, {
            status: 'pending',
            nextAt: Date.now() + backoff(attempt, settings.backoffMs),
            error: message,
          });
          out.retried += 1;
        }
      }
    }),
  );
  return out;
}

/** A made-up firing sent to one channel now, outside the store: success, or the error (no secret in it). */
export async function testChannel(
  channel: Channel,
  settings: DeliverySettings,
  user: string,
): Promise<TestResult> {
  const started = Date.now();
  const now = new Date().toISOString();
  const body: WebhookBody = {
    rule: { id: 'test', name: `Test from ${user}`, kind: 'lag_above' },
    state: 'firing',
    severity: 'info',
    cluster: 'test',
    subject: 'test',
    value: null,
    threshold: null,
    detail: `A test notification to channel "${channel.name}"`,
    startedAt: now,
    at: now,
    url: settings.publicUrl ? `${settings.publicUrl}/alerts?tab=channels` : null,
    test: true,
  };
  try {
    await send(channel, body, settings);
    return { ok: true, message: `Sent to ${channel.name}`, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, message: (error as Error).message, ms: Date.now() - started };
  }
}
