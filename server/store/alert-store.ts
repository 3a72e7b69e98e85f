import 'server-only';
import type { Insertable, Selectable } from 'kysely';
import type { Store, StoreTables } from '@/server/store';

/** Alert states, events, deliveries and silences in the store; the rules of the UI and its channels. */

export type StateRecord = StoreTables['alert_states'];
export type EventRecord = Selectable<StoreTables['alert_events']>;
export type DeliveryRecord = Selectable<StoreTables['alert_deliveries']>;
export type SilenceRecord = Selectable<StoreTables['alert_silences']>;

export async function statesOf(store: Store, ruleId: string, clusterId: string): Promise<StateRecord[]> {
  return store.db
    .selectFrom('alert_states')
    .selectAll()
    .where('rule_id', '=', ruleId)
    .where('cluster_id', '=', clusterId)
    .execute();
}

export async function allStates(store: Store): Promise<StateRecord[]> {
  return store.db.selectFrom('alert_states').selectAll().orderBy('since').execute();
}

export async function upsertState(store: Store, row: StateRecord): Promise<void> {
  const { rule_id, cluster_id, subject, ...rest } = row;
  void rule_id;
  void cluster_id;
  void subject;
  await store.db
    .insertInto('alert_states')
    .values(row)
    .onConflict((oc) => oc.columns(['rule_id', 'cluster_id', 'subject']).doUpdateSet(rest))
    .execute();
}

export async function deleteStates(store: Store, ruleId: string, clusterId?: string): Promise<void> {
  let q = store.db.deleteFrom('alert_states').where('rule_id', '=', ruleId);
  if (clusterId !== undefined) q = q.where('cluster_id', '=', clusterId);
  await q.execute();
}

/**
 * A state change with an event (firing or resolved) and its deliveries, in one transaction. The event
 * is unique per transition: when another process wrote it first, no delivery is added (nothing is
 * sent twice; returns false), but the state row still takes the state that event implies, so that a
 * row written late by a process that had lost its lease never stays at odds with the events.
 */
export async function recordTransition(
  store: Store,
  args: {
    event: Insertable<StoreTables['alert_events']>;
    /** The state after the transition, or null (resolved: the state row goes). */
    state: StateRecord | null;
    channels: string[];
    now: number;
  },
): Promise<boolean> {
  return store.db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('alert_events')
      .values(args.event)
      .onConflict((oc) => oc.columns(['rule_id', 'cluster_id', 'subject', 'state', 'started_at']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const { rule_id, cluster_id, subject } = args.event;
    if (args.state) {
      const { rule_id: _r, cluster_id: _c, subject: _s, ...rest } = args.state;
      void _r;
      void _c;
      void _s;
      await tx
        .insertInto('alert_states')
        .values(args.state)
        .onConflict((oc) => oc.columns(['rule_id', 'cluster_id', 'subject']).doUpdateSet(rest))
        .execute();
    } else {
      await tx
        .deleteFrom('alert_states')
        .where('rule_id', '=', rule_id)
        .where('cluster_id', '=', cluster_id)
        .where('subject', '=', subject)
        .execute();
    }
    if (!inserted) return false;
    if (args.channels.length > 0)
      await tx
        .insertInto('alert_deliveries')
        .values(
          args.channels.map((channel) => ({
            event_id: inserted.id,
            channel,
            status: 'pending' as const,
            attempts: 0,
            // Due at once by the wall clock, whatever instant was evaluated.
            next_at: Math.min(args.now, Date.now()),
            last_error: null,
            delivered_at: null,
          })),
        )
        .execute();
    return true;
  });
}

export async function activeSilences(store: Store, now: number): Promise<SilenceRecord[]> {
  return store.db
    .selectFrom('alert_silences')
    .selectAll()
    .where('until', '>', now)
    .orderBy('until')
    .execute();
}

export const silenceCovers = (s: SilenceRecord, ruleId: string, clusterId: string, subject: string) =>
  s.rule_id === ruleId &&
  (s.cluster_id === '' || s.cluster_id === clusterId) &&
  (s.subject === '' || s.subject === subject);

export async function addSilence(
  store: Store,
  row: Insertable<StoreTables['alert_silences']>,
): Promise<number> {
  const r = await store.db.insertInto('alert_silences').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function removeSilence(store: Store, id: number): Promise<boolean> {
  const r = await store.db.deleteFrom('alert_silences').where('id', '=', id).executeTakeFirst();
  await store.db
    .deleteFrom('alert_silences')
    .where('until', '<', Date.now() - 86_400_000)
    .execute();
  return Number(r.numDeletedRows) > 0;
}

export async function recentEvents(
  store: Store,
  options: { limit: number; ruleId?: string },
): Promise<{ events: EventRecord[]; deliveries: DeliveryRecord[] }> {
  let q = store.db.selectFrom('alert_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc');
  if (options.ruleId) q = q.where('rule_id', '=', options.ruleId);
  const events = (await q.limit(options.limit).execute()) as EventRecord[];
  const deliveries =
    events.length === 0
      ? []
      : ((await store.db
          .selectFrom('alert_deliveries')
          .selectAll()
          .where(
            'event_id',
            'in',
            events.map((e) => e.id),
          )
          .orderBy('id')
          .execute()) as DeliveryRecord[]);
  return { events, deliveries };
}

/** Deliveries whose time has come, with their events, oldest first. */
export async function dueDeliveries(
  store: Store,
  now: number,
  limit: number,
): Promise<(DeliveryRecord & { event: EventRecord })[]> {
  const rows = (await store.db
    .selectFrom('alert_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_at', '<=', now)
    .orderBy('next_at')
    .limit(limit)
    .execute()) as DeliveryRecord[];
  if (rows.length === 0) return [];
  const events = (await store.db
    .selectFrom('alert_events')
    .selectAll()
    .where(
      'id',
      'in',
      rows.map((r) => r.event_id),
    )
    .execute()) as EventRecord[];
  const byId = new Map(events.map((e) => [e.id, e]));
  return rows.flatMap((r) => (byId.has(r.event_id) ? [{ ...r, event: byId.get(r.event_id)! }] : []));
}

/**
 * Claims a delivery for one attempt: only if nobody moved it since it was read, so two senders never
 * both send it. It becomes due again after `holdMs` should this process die while sending.
 */
export async function claimDelivery(
  store: Store,
  d: DeliveryRecord,
  now: number,
  holdMs: number,
): Promise<boolean> {
  const r = await store.db
    .updateTable('alert_deliveries')
    .set({ next_at: now + holdMs, attempts: d.attempts + 1 })
    .where('id', '=', d.id)
    .where('status', '=', 'pending')
    .where('next_at', '=', d.next_at)
    .where('attempts', '=', d.attempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The outcome of the attempt that claimed a delivery (`attempts` is the count its claim set): a
 * sender whose claim ran out and was taken by another writes nothing.
 */
export async function settleDelivery(
  store: Store,
  id: number,
  attempts: number,
  outcome:
    | { status: 'delivered'; at: number }
    | { status: 'pending'; nextAt: number; error: string }
    | { status: 'failed'; error: string },
): Promise<void> {
  await store.db
    .updateTable('alert_deliveries')
    .set(
      outcome.status === 'delivered'
        ? { status: 'delivered', delivered_at: outcome.at }
        : outcome.status === 'pending'
          ? { next_at: outcome.nextAt, last_error: outcome.error }
          : { status: 'failed', last_error: outcome.error },
    )
    .where('id', '=', id)
    .where('attempts', '=', attempts)
    .where('status', '=', 'pending')
    .execute();
}

const EVALUATED = 'alerts.evaluated';
const controllerMark = (clusterId: string) => `alerts.controller.${clusterId}`;

async function setMark(store: Store, name: string, value: number) {
  await store.db
    .insertInto('store_marks')
    .values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
    .execute();
}

async function mark(store: Store, name: string): Promise<number | null> {
  const row = await store.db
    .selectFrom('store_marks')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? Number(row.value) : null;
}

export const lastEvaluated = (store: Store) => mark(store, EVALUATED);
export const markEvaluated = (store: Store, at: number) => setMark(store, EVALUATED, at);
export const previousController = (store: Store, clusterId: string) => mark(store, controllerMark(clusterId));
export const rememberController = (store: Store, clusterId: string, id: number) =>
  setMark(store, controllerMark(clusterId), id);
