import 'server-only';
import type { RuleSpec } from '@/lib/schemas/alerts';
import type { Store } from '@/server/store';
import {
  activeSilences,
  deleteStates,
  markEvaluated,
  recordTransition,
  rememberController,
  silenceCovers,
  statesOf,
  upsertState,
  type StateRecord,
} from '@/server/store/alert-store';
import {
  conditions,
  effectiveForMs,
  ruleApplies,
  step,
  undecided,
  type ClusterFacts,
  type Finding,
} from '@/server/services/alerts/conditions';

export interface RuleEntry {
  id: string;
  spec: RuleSpec;
}

export interface EvaluationResult {
  fired: number;
  resolved: number;
  pending: number;
}

/**
 * Evaluates every rule on one cluster's facts and writes what changed. A transition (firing,
 * resolved) is written with its event and its pending deliveries in one transaction, and only once:
 * a second evaluation of the same instant, by this process after a restart or by another one, finds
 * it written and sends nothing. Delivery happens afterwards (deliver.ts).
 */
export async function evaluateCluster(
  store: Store,
  rules: RuleEntry[],
  facts: ClusterFacts,
  /** Whether this process may still write (it holds the lease): checked before each rule. */
  mayWrite: () => boolean = () => true,
): Promise<EvaluationResult> {
  const now = facts.at;
  const result: EvaluationResult = { fired: 0, resolved: 0, pending: 0 };
  const silences = await activeSilences(store, now);
  const known = new Set(rules.map((r) => r.id));
  // States of deleted rules go without a word; those of disabled rules, or of clusters a rule no
  // longer names, resolve below like any other.
  const stale = await store.db
    .selectFrom('alert_states')
    .select('rule_id')
    .distinct()
    .where('cluster_id', '=', facts.clusterId)
    .execute();
  for (const { rule_id } of stale)
    if (!known.has(rule_id)) await deleteStates(store, rule_id, facts.clusterId);

  for (const rule of rules) {
    // A process that lost the lease meanwhile stops here: the one holding it now evaluates.
    if (!mayWrite()) return result;
    const applies = ruleApplies(rule.spec, facts.clusterId);
    const findings: Finding[] | null = applies ? conditions[rule.spec.kind](rule.spec, facts) : [];
    if (findings === null) continue;
    const existing = new Map((await statesOf(store, rule.id, facts.clusterId)).map((s) => [s.subject, s]));
    if (!applies && existing.size === 0) continue;
    const found = new Map(findings.map((f) => [f.subject, f]));
    for (const subject of new Set([...existing.keys(), ...found.keys()])) {
      const prev = existing.get(subject);
      const finding = found.get(subject);
      if (finding === undefined && undecided(rule.spec, subject, facts)) continue;
      const silenced = silences.some((s) => silenceCovers(s, rule.id, facts.clusterId, subject));
      const next = step(
        prev && { status: prev.status, since: Number(prev.since), firedAt: prev.fired_at },
        finding !== undefined,
        effectiveForMs(rule.spec),
        now,
      );
      const event = {
        rule_id: rule.id,
        rule_name: rule.spec.name,
        kind: rule.spec.kind,
        cluster_id: facts.clusterId,
        subject,
        severity: rule.spec.severity,
        value: finding?.value ?? null,
        threshold: finding?.threshold ?? prev?.threshold ?? null,
        detail: finding?.detail ?? null,
        at: now,
        silenced: silenced ? 1 : 0,
      };
      if (next.event === 'firing') {
        const state: StateRecord = {
          rule_id: rule.id,
          cluster_id: facts.clusterId,
          subject,
          status: 'firing',
          since: next.next.since,
          fired_at: now,
          value: event.value,
          threshold: event.threshold,
          detail: event.detail,
          notified: silenced ? 0 : 1,
          updated_at: now,
        };
        const wrote = await recordTransition(store, {
          event: { ...event, state: 'firing', started_at: next.next.since },
          state,
          channels: silenced ? [] : rule.spec.channels,
          now,
        });
        if (wrote) result.fired += 1;
      } else if (next.event === 'resolved') {
        const notify = prev!.notified === 1 && !silenced;
        const wrote = await recordTransition(store, {
          event: { ...event, state: 'resolved', started_at: Number(prev!.since), silenced: notify ? 0 : 1 },
          state: null,
          channels: notify ? rule.spec.channels : [],
          now,
        });
        if (wrote) result.resolved += 1;
      } else if (next.next) {
        if (next.next.status === 'pending') result.pending += 1;
        await upsertState(store, {
          rule_id: rule.id,
          cluster_id: facts.clusterId,
          subject,
          status: next.next.status,
          since: next.next.since,
          fired_at: next.next.firedAt,
          value: event.value,
          threshold: event.threshold,
          detail: event.detail,
          notified: prev?.notified ?? 0,
          updated_at: now,
        });
      } else if (prev) {
        await store.db
          .deleteFrom('alert_states')
          .where('rule_id', '=', rule.id)
          .where('cluster_id', '=', facts.clusterId)
          .where('subject', '=', subject)
          .execute();
      }
    }
  }
  const controller = facts.topology?.controllerId;
  if (controller !== undefined && controller !== null)
    await rememberController(store, facts.clusterId, controller);
  await markEvaluated(store, now);
  return result;
}
