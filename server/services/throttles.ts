import 'server-only';
import type { ClusterConfig } from '@/server/config/schema';
import { kafka, TOPIC_CONFIGS_BATCH, type KafkaCluster } from '@/server/kafka';
import { eachLimited } from '@/lib/async/each-limited';
import { audit } from '@/server/audit';
import { log } from '@/server/log';

export const LEADER_RATE = 'leader.replication.throttled.rate';
export const FOLLOWER_RATE = 'follower.replication.throttled.rate';
export const LEADER_REPLICAS = 'leader.replication.throttled.replicas';
export const FOLLOWER_REPLICAS = 'follower.replication.throttled.replicas';

/**
 * The replication throttles the console set, per cluster: the rule is that a topic's throttled
 * replicas are removed as soon as none of its partitions is being reassigned, and the brokers' rates
 * once no throttled topic is left. It is checked on every read of the reassignments and every 10 s
 * in the background while anything is recorded, and right after a cancel. The record lives in the
 * process that applied the reassignment (see docs/reassignment.md for what a restart means).
 */
interface Recorded {
  brokers: Set<number>;
  topics: Set<string>;
  /** Each topic's throttled replicas (`partition:broker`), so a second apply on the topic adds to the first's. */
  entries: Map<string, { leader: Set<string>; follower: Set<string> }>;
  config: ClusterConfig;
}

const state = globalThis as unknown as {
  __kafkascopeThrottles?: Map<string, Recorded>;
  __kafkascopeThrottleTimer?: ReturnType<typeof setInterval> | null;
};
const recorded = (state.__kafkascopeThrottles ??= new Map());
const staleChecked = globalThis as unknown as {
  __kafkascopeStaleThrottles?: Map<string, { at: number; brokers: number[] }>;
};
const stale = (staleChecked.__kafkascopeStaleThrottles ??= new Map());
const STALE_CHECK_MS = 15_000;
/** Config writes in flight at once: a plan over many topics costs about topics / 8 round trips. */
const WRITES_AT_ONCE = 8;

export function throttlesOf(config: ClusterConfig): { brokers: number[]; topics: string[] } {
  const r = recorded.get(config.id);
  return {
    brokers: [...(r?.brokers ?? [])].sort((a, b) => a - b),
    topics: [...(r?.topics ?? [])].sort(),
  };
}

/** Topic throttles as kafka-reassign-partitions writes them: leader = existing replicas, follower = new ones. */
export function topicThrottles(moves: { topic: string; partition: number; from: number[]; to: number[] }[]) {
  const byTopic = new Map<string, { leader: string[]; follower: string[] }>();
  for (const m of moves) {
    const t = byTopic.get(m.topic) ?? { leader: [], follower: [] };
    for (const b of m.from) t.leader.push(`${m.partition}:${b}`);
    for (const b of m.to.filter((id) => !m.from.includes(id))) t.follower.push(`${m.partition}:${b}`);
    byTopic.set(m.topic, t);
  }
  return byTopic;
}

/** Sets the throttles of a reassignment about to start; recorded first, so a failure half-way is still cleaned up. */
export async function setThrottles(
  config: ClusterConfig,
  rate: number,
  moves: { topic: string; partition: number; from: number[]; to: number[] }[],
): Promise<void> {
  const gateway = kafka(config);
  const brokers = [...new Set(moves.flatMap((m) => [...m.from, ...m.to]))].sort((a, b) => a - b);
  const byTopic = topicThrottles(moves);
  const r: Recorded = recorded.get(config.id) ?? {
    brokers: new Set(),
    topics: new Set(),
    entries: new Map(),
    config,
  };
  recorded.set(config.id, r);
  stale.delete(config.id);
  for (const b of brokers) r.brokers.add(b);
  for (const [topic, t] of byTopic) {
    r.topics.add(topic);
    const kept = r.entries.get(topic) ?? { leader: new Set<string>(), follower: new Set<string>() };
    for (const e of t.leader) kept.leader.add(e);
    for (const e of t.follower) kept.follower.add(e);
    r.entries.set(topic, kept);
  }
  startChecking();
  await eachLimited([...byTopic.keys()], WRITES_AT_ONCE, async (topic) => {
    const kept = r.entries.get(topic)!;
    await gateway.alterTopicConfigs(topic, [
      { name: LEADER_REPLICAS, value: [...kept.leader].join(',') },
      { name: FOLLOWER_REPLICAS, value: kept.follower.size > 0 ? [...kept.follower].join(',') : null },
    ]);
  });
  await eachLimited(brokers, WRITES_AT_ONCE, async (b) => {
    await gateway.throttleBroker(b, [
      { name: LEADER_RATE, value: String(rate) },
      { name: FOLLOWER_RATE, value: String(rate) },
    ]);
  });
}

async function removeTopic(gateway: KafkaCluster, topic: string): Promise<void> {
  try {
    await gateway.alterTopicConfigs(topic, [
      { name: LEADER_REPLICAS, value: null },
      { name: FOLLOWER_REPLICAS, value: null },
    ]);
  } catch (error) {
    // A topic deleted meanwhile has no throttle left to remove.
    if ((error as { kind?: string }).kind !== 'not_found') throw error;
  }
}

/** Removes the recorded throttles whose reassignments are over; returns what it removed. */
export async function settleThrottles(
  config: ClusterConfig,
  moving?: Set<string>,
): Promise<{ brokers: number[]; topics: string[] }> {
  const r = recorded.get(config.id);
  const removed = { brokers: [] as number[], topics: [] as string[] };
  if (!r) return removed;
  const started = Date.now();
  const removedLists: Record<string, { leader: string[]; follower: string[] }> = {};
  try {
    return await settleRecorded(config, r, removed, removedLists, moving);
  } finally {
    // Nobody asked for this change at this moment (the reassignment's apply did, earlier): the audit
    // line says the console made it, with what it removed.
    if (removed.topics.length > 0 || removed.brokers.length > 0)
      audit({
        user: 'kafkascope',
        role: null,
        via: null,
        action: 'partition.reassign.throttle.clear',
        cluster: config.id,
        target: [
          ...(removed.topics.length > 0 ? [`topics ${removed.topics.join(', ')}`] : []),
          ...(removed.brokers.length > 0 ? [`brokers ${removed.brokers.join(', ')}`] : []),
        ]
          .join('; ')
          .slice(0, 4000),
        change: {
          before: {
            topics: removedLists,
            brokerRates: removed.brokers,
          },
          after: null,
        },
        result: 'ok',
        status: 200,
        durationMs: Date.now() - started,
        ip: null,
      });
  }
}

async function settleRecorded(
  config: ClusterConfig,
  r: Recorded,
  removed: { brokers: number[]; topics: string[] },
  removedLists: Record<string, { leader: string[]; follower: string[] }>,
  moving?: Set<string>,
): Promise<{ brokers: number[]; topics: string[] }> {
  const gateway = kafka(config);
  const busy = moving ?? new Set((await gateway.listReassignments()).map((p) => p.topic));
  const idle = [...r.topics].filter((topic) => !busy.has(topic)).sort();
  try {
    await eachLimited(idle, WRITES_AT_ONCE, async (topic) => {
      await removeTopic(gateway, topic);
      const lists = r.entries.get(topic);
      removedLists[topic] = { leader: [...(lists?.leader ?? [])], follower: [...(lists?.follower ?? [])] };
      r.topics.delete(topic);
      r.entries.delete(topic);
      removed.topics.push(topic);
    });
  } finally {
    removed.topics.sort();
  }
  if (r.topics.size === 0) {
    for (const b of [...r.brokers].sort((a, b) => a - b)) {
      await gateway
        .throttleBroker(b, [
          { name: LEADER_RATE, value: null },
          { name: FOLLOWER_RATE, value: null },
        ])
        .catch((error: unknown) => {
          // A broker that is down keeps its rate until it is back: try again next round.
          const kind = (error as { kind?: string }).kind;
          if (kind !== 'unavailable' && kind !== 'timeout') throw error;
          return 'later';
        })
        .then((later) => {
          if (later === 'later') return;
          r.brokers.delete(b);
          removed.brokers.push(b);
        });
    }
    if (r.brokers.size === 0) recorded.delete(config.id);
  }
  return removed;
}

function startChecking(): void {
  if (state.__kafkascopeThrottleTimer) return;
  const timer = setInterval(() => {
    if (recorded.size === 0) {
      clearInterval(timer);
      state.__kafkascopeThrottleTimer = null;
      return;
    }
    for (const r of recorded.values()) {
      settleThrottles(r.config).catch((error: unknown) =>
        log('warn', 'replication throttles not removed yet', { cluster: r.config.id, error: String(error) }),
      );
    }
  }, 10_000);
  timer.unref?.();
  state.__kafkascopeThrottleTimer = timer;
}

/**
 * Brokers with a replication throttle rate while nothing in the cluster is being reassigned and this
 * process recorded none: left by a console process that restarted mid-way, or by another tool. Read
 * at most every 15 s per cluster (one DescribeConfigs per broker). Topics' throttled-replica lists
 * left behind are found by staleTopicThrottles: harmless without a rate, but a later rate set for
 * another reassignment would throttle them too.
 */
export async function staleThrottles(config: ClusterConfig, brokerIds: number[]): Promise<number[]> {
  if (recorded.has(config.id)) return [];
  const last = stale.get(config.id);
  if (last && Date.now() - last.at < STALE_CHECK_MS) return last.brokers;
  const gateway = kafka(config);
  // One DescribeConfigs per broker, all at once.
  const throttled = await Promise.all(
    brokerIds.map(async (id) => {
      const configs = await gateway.brokerConfigs(id).catch(() => []);
      const set = (name: string) =>
        configs.some((c) => c.name === name && c.source !== 'default' && c.value !== null);
      return set(LEADER_RATE) || set(FOLLOWER_RATE);
    }),
  );
  const found = brokerIds.filter((_, i) => throttled[i]);
  stale.set(config.id, { at: Date.now(), brokers: found });
  return found;
}

/** Removes stale throttle rates (nothing may be moving: the caller checked). */
export async function removeStaleThrottles(config: ClusterConfig, brokerIds: number[]): Promise<void> {
  const gateway = kafka(config);
  await eachLimited(brokerIds, WRITES_AT_ONCE, async (id) => {
    await gateway.throttleBroker(id, [
      { name: LEADER_RATE, value: null },
      { name: FOLLOWER_RATE, value: null },
    ]);
  });
  stale.delete(config.id);
}

/** A topic's throttled-replica lists (`partition:broker,…`; null: not set on the topic). */
export interface TopicThrottle {
  topic: string;
  leader: string | null;
  follower: string | null;
}

/** Topics looked at per check: a cluster with more is checked on its first ones by name, and says so. */
export const MAX_TOPICS_CHECKED = 20_000;
export const TOPIC_CHECK_MS = 30_000;
const topicChecks = globalThis as unknown as {
  __kafkascopeStaleTopicThrottles?: Map<string, { at: number; topics: TopicThrottle[]; limited: boolean }>;
};
const topicChecked = (topicChecks.__kafkascopeStaleTopicThrottles ??= new Map());

/**
 * Every topic of the cluster whose leader or follower throttled-replica list is set, read from the
 * cluster itself: one Metadata for the names, then DescribeConfigs of those two keys only, for
 * TOPIC_CONFIGS_BATCH topics per request (20 requests for 20,000 topics), at most MAX_TOPICS_CHECKED.
 * Kept TOPIC_CHECK_MS per cluster unless `fresh`, so a page that polls every 2 s costs one check per 30 s.
 */
export async function topicsWithThrottles(
  config: ClusterConfig,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<{ topics: TopicThrottle[]; limited: boolean }> {
  const last = topicChecked.get(config.id);
  if (!fresh && last && Date.now() - last.at < TOPIC_CHECK_MS) return last;
  const gateway = kafka(config);
  const names = (await gateway.metadata('all')).topics.map((t) => t.name).sort();
  const checked = names.slice(0, MAX_TOPICS_CHECKED);
  const topics: TopicThrottle[] = [];
  for (let i = 0; i < checked.length; i += TOPIC_CONFIGS_BATCH) {
    const answers = await gateway.configsOfTopics(checked.slice(i, i + TOPIC_CONFIGS_BATCH), [
      LEADER_REPLICAS,
      FOLLOWER_REPLICAS,
    ]);
    for (const a of answers) {
      if (a.error) continue; // deleted meanwhile: nothing of it is left to remove
      const value = (name: string) => {
        const e = a.entries.find((c) => c.name === name && c.source === 'topic');
        return e?.value?.trim() ? e.value : null;
      };
      const leader = value(LEADER_REPLICAS);
      const follower = value(FOLLOWER_REPLICAS);
      if (leader !== null || follower !== null) topics.push({ topic: a.topic, leader, follower });
    }
  }
  const result = { at: Date.now(), topics, limited: names.length > checked.length };
  topicChecked.set(config.id, result);
  return result;
}

/**
 * Topics with throttled-replica lists while none of their partitions is being reassigned and this
 * process recorded none for them: left by a console process that restarted mid-way, or by another tool.
 */
export async function staleTopicThrottles(
  config: ClusterConfig,
  moving: Set<string>,
  options: { fresh?: boolean } = {},
): Promise<{ topics: TopicThrottle[]; limited: boolean }> {
  const mine = recorded.get(config.id)?.topics;
  const { topics, limited } = await topicsWithThrottles(config, options);
  return { topics: topics.filter((t) => !moving.has(t.topic) && !mine?.has(t.topic)), limited };
}

/** Removes both throttled-replica lists of these topics (none of them may be moving: the caller checked). */
export async function removeTopicThrottles(config: ClusterConfig, topics: string[]): Promise<void> {
  const gateway = kafka(config);
  await eachLimited(topics, WRITES_AT_ONCE, (topic) => removeTopic(gateway, topic));
  topicChecked.delete(config.id);
}
