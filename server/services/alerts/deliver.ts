import 'server-only';
import type { RuleKind, TestResult, WebhookBody } from '@/lib/schemas/alerts';
import type { Channel } from '@/server/config/alerts';
import { log } from '@/server/log';
import type { Store } from '@/server/store';
import { claimDelivery, dueDeliveries, settleDelivery, type EventRecord } from '@/server/store/alert-store';
import { send, sendDigest, type SendSettings } from '@/server/services/alerts/channels';

export interface DeliverySettings extends SendSettings {
  maxAttempts: number;
  /** The first retry's wait; each next one waits twice as long, at most an hour. */
  backoffMs: number;
  publicUrl: string | null;
}

/** The console page of a subject: its group, else its cluster's overview. */
export function pageOf(publicUrl: string | null, clusterId: string, subject: string): string | null {
  if (!publicUrl) return null;
  const connector = /^connector:([^/]+)\/(.+)$/.exec(subject);
  if (connector)
    return `${publicUrl}/clusters/${encodeURIComponent(clusterId)}/connect/${encodeURIComponent(connector[1]!)}/${encodeURIComponent(connector[2]!)}`;
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

type Due = Awaited<ReturnType<typeof dueDeliveries>>[number];

/** How many due deliveries one round reads, and how many sends it runs at once. */
const ROUND = 200;
const PARALLEL = 8;

/**
 * The sends of one round: a generic webhook gets one request per notification (machines read it);
 * Slack and e-mail, read by people, get one message for all the notifications of one rule, cluster
 * and state from one evaluation (a rule on `*` that 40 groups trip at once is one message naming
 * them, not 40).
 */
function batchesOf(due: Due[], channels: Channel[]): Due[][] {
  const batches = new Map<string, Due[]>();
  for (const d of due) {
    const type = channels.find((c) => c.name === d.channel)?.type;
    const key =
      type === 'slack' || type === 'email'
        ? [d.channel, d.event.rule_id, d.event.cluster_id, d.event.state, d.event.at, d.attempts].join(
            '\u0000',
          )
        : `#${d.id}`;
    const list = batches.get(key);
    if (list) list.push(d);
    else batches.set(key, [d]);
  }
  return [...batches.values()];
}

async function inParallel<T>(items: T[], limit: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/**
 * Sends the deliveries that are due, each claimed right before its send so that no two senders send one (several
 * notifications of one evaluation to a Slack or e-mail channel go as one message, batchesOf); a
 * failure is retried after an exponential pause until `maxAttempts`, then marked failed. The last
 * error is kept (no secret in it). Returns how many were delivered and how many failed this round.
 */
export async function deliverDue(
  store: Store,
  channels: Channel[],
  settings: DeliverySettings,
  now = Date.now(),
  /** Whether this process may still send (it holds the lease): checked before each message. */
  mayWrite: () => boolean = () => true,
): Promise<{ delivered: number; retried: number; failed: number }> {
  const due = await dueDeliveries(store, now, ROUND);
  const out = { delivered: 0, retried: 0, failed: 0 };
  await inParallel(batchesOf(due, channels), PARALLEL, async (unclaimed) => {
    if (!mayWrite()) return;
    // Claimed right before the send and held for its time-out: should this process die while
    // sending, another tries after it; one whose claim was taken meanwhile is left to its taker.
    const batch: Due[] = [];
    for (const d of unclaimed)
      if (await claimDelivery(store, d, Date.now(), settings.timeoutMs + 30_000)) batch.push(d);
    if (batch.length === 0) return;
    const first = batch[0]!;
    const attempt = first.attempts + 1;
    const channel = channels.find((c) => c.name === first.channel);
    const settle = (outcome: Parameters<typeof settleDelivery>[3]) =>
      Promise.all(batch.map((d) => settleDelivery(store, d.id, d.attempts + 1, outcome)));
    try {
      if (!channel) throw new Error(`no channel named "${first.channel}" is defined`);
      const bodies = batch.map((d) => bodyOf(d.event, settings.publicUrl));
      await (bodies.length === 1
        ? send(channel, bodies[0]!, settings)
        : sendDigest(channel, bodies, settings));
      await settle({ status: 'delivered', at: Date.now() });
      out.delivered += batch.length;
    } catch (error) {
      const message = (error as Error).message;
      if (!channel || attempt >= settings.maxAttempts) {
        await settle({ status: 'failed', error: message });
        out.failed += batch.length;
        log('warn', 'alert notification failed', {
          channel: first.channel,
          events: batch.map((d) => d.event_id),
          attempts: attempt,
          error: message,
        });
      } else {
        await settle({
          status: 'pending',
          nextAt: Date.now() + backoff(attempt, settings.backoffMs),
          error: message,
        });
        out.retried += batch.length;
      }
    }
  });
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
