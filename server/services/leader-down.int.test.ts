import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, stopNode } from '@/dev/kafka/local-cluster';
import { loadConfig } from '@/server/config/clusters';
import type { SseChannel } from '@/server/http/sse';
import { disconnectAll } from '@/server/kafka';
import { clientsFor } from '@/server/kafka/client/registry';
import { checkReadiness } from '@/server/services/clusters';
import { browseMessages, produce } from '@/server/services/messages';
import { searchStream, tailStream } from '@/server/services/scan';
import { invalidateCluster } from '@/server/services/snapshot';
import { createTopic, deleteTopic } from '@/server/services/topic-admin';
import { getTopic } from '@/server/services/topics';

const local = { ...loadConfig({}).clusters[0]!, requestTimeoutMs: 8_000 };
const topic = `it-leader-down-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
/** Three copies of each partition: when a leader stops, another replica takes over. */
const replicated = `${topic}-rf3`;
const PARTITIONS = 6;
const PER_PARTITION = 4;
const browseAll = { start: 'oldest', limit: 100, maxBytes: 16_384 } as const;
/** What a user waits at most for an answer: the request time-out, plus slack for a loaded machine. */
const PATIENCE_MS = local.requestTimeoutMs + 2_000;

async function eventually<T>(fn: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    invalidateCluster(local);
    const value = await fn().catch(() => undefined);
    if (value !== undefined && check(value)) return value;
    if (Date.now() > deadline) throw new Error(`not met within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await fn();
  expect(Date.now() - started).toBeLessThan(PATIENCE_MS);
  return value;
}

type Event = { event: string; data: Record<string, unknown> };

/** Collects a stream's events, the way the browser receives them. */
function collector() {
  const events: Event[] = [];
  const controller = new AbortController();
  const channel: SseChannel = {
    send: (event, data) => events.push({ event, data: data as Record<string, unknown> }),
    signal: controller.signal,
    close: () => controller.abort(),
  };
  return { events, channel, abort: () => controller.abort() };
}

const messagesOf = (events: Event[]) =>
  events.filter((e) => e.event === 'messages').flatMap((e) => e.data.messages as { partition: number }[]);

/** Runs a search to its end and returns its events. */
async function search(): Promise<Event[]> {
  const { events, channel } = collector();
  const stream = await searchStream(local, topic, {
    q: '',
    filter: 'json.p >= 0.0',
    limit: 1000,
    maxBytes: 16_384,
    start: 'oldest',
  });
  await stream(channel);
  return events;
}

/** Browse and search answer in time with every other partition's messages, and name the lost ones. */
async function expectPartialResults(lost: number[]) {
  const others = [...Array(PARTITIONS).keys()].filter((p) => !lost.includes(p));

  const list = await timed(() => browseMessages(local, topic, browseAll));
  expect(list.unavailable.map((u) => u.partition)).toEqual(lost);
  expect([...new Set(list.messages.map((m) => m.partition))].sort()).toEqual(others);
  expect(list.messages).toHaveLength(others.length * PER_PARTITION);

  const events = await timed(search);
  const noticed = events
    .filter((e) => e.event === 'notice')
    .flatMap((e) => (e.data.unavailable as { partition: number }[]).map((u) => u.partition));
  expect([...new Set(noticed)].sort()).toEqual(lost);
  const found = messagesOf(events);
  expect([...new Set(found.map((m) => m.partition))].sort()).toEqual(others);
  expect(events.find((e) => e.event === 'done')?.data).toMatchObject({
    reason: 'end',
    scanned: others.length * PER_PARTITION,
    matched: others.length * PER_PARTITION,
  });
}

beforeAll(async () => {
  // Replication factor 1: a partition whose broker stops has no other copy and no leader.
  await createTopic(local, {
    name: topic,
    partitions: PARTITIONS,
    replicationFactor: 1,
    configs: {},
  });
  await createTopic(local, {
    name: replicated,
    partitions: PARTITIONS,
    replicationFactor: 3,
    configs: {},
  });
  for (let p = 0; p < PARTITIONS; p++) {
    await produce(local, topic, {
      partition: p,
      key: null,
      value: `{"p": ${p}, "i": {{i}}}`,
      valueFormat: 'json',
      headers: [],
      compression: 'none',
      acks: -1,
      count: PER_PARTITION,
    });
  }
});

afterAll(async () => {
  await deleteTopic(local, topic).catch(() => undefined);
  await deleteTopic(local, replicated).catch(() => undefined);
  await disconnectAll();
});

describe('a partition leader down', () => {
  it('browse and search return the other partitions in time and name the missing ones; a tail follows moved leaders', async () => {
    const detail = await getTopic(local, topic);
    const leaders = new Map(detail.partitionDetails.map((p) => [p.partition, p.leader]));
    expect(new Set(leaders.values()).size).toBe(3); // spread over the three brokers
    // Not node 1: it is the first bootstrap server of every client in the tests.
    const down = leaders.get(detail.partitionDetails.find((p) => p.leader !== 1)!.partition)!;
    const lost = [...leaders].filter(([, leader]) => leader === down).map(([p]) => p);

    const moving = (await getTopic(local, replicated)).partitionDetails
      .filter((p) => p.leader === down)
      .map((p) => p.partition);
    expect(moving.length).toBeGreaterThan(0);
    // A live tail of the replicated topic, reading from the leaders it found when it started.
    const tail = collector();
    const tailing = (await tailStream(local, replicated, { q: '', filter: '', maxBytes: 16_384 }))(
      tail.channel,
    );

    try {
      // While the broker shuts down, every page answers in time, each partition either whole or
      // named as unavailable.
      let stopped = false;
      const stopping = stopNode(down).finally(() => (stopped = true));
      const pages = [];
      while (!stopped) {
        const list = await timed(() => browseMessages(local, topic, browseAll));
        const missing = new Set(list.unavailable.map((u) => u.partition));
        for (let p = 0; p < PARTITIONS; p++) {
          const shown = list.messages.filter((m) => m.partition === p).length;
          expect(missing.has(p) ? shown : PER_PARTITION - shown, `partition ${p}`).toBe(0);
        }
        pages.push(missing.size);
        await new Promise((r) => setTimeout(r, 200));
      }
      await stopping;
      expect(pages.length).toBeGreaterThan(0);

      await expectPartialResults(lost);

      // Once the controller has noticed: those partitions have no leader at all.
      await eventually(
        () => getTopic(local, topic),
        (t) => t.partitionDetails.filter((p) => p.leader === null).length === lost.length,
      );
      await expectPartialResults(lost);

      // The client's periodic broker refresh (every 30 s; forced here) must not trip over the
      // leaderless partitions: the cluster stays up, and its pages keep loading.
      await clientsFor(local).raw.refreshMetadata();
      expect((await checkReadiness([local])).clusters[0]).toMatchObject({ status: 'up', brokers: 2 });
      invalidateCluster(local);
      await timed(() => getTopic(local, topic));
      await expectPartialResults(lost);

      // Writing to a topic with a leaderless partition is refused at once, naming the partitions.
      const refused = await timed(() =>
        produce(local, topic, {
          key: null,
          value: 'x',
          valueFormat: 'text',
          headers: [],
          compression: 'none',
          acks: -1,
          count: 1,
        }).catch((error: unknown) => error),
      );
      expect(refused).toMatchObject({
        code: 'broker_unavailable',
        message: expect.stringMatching(new RegExp(`partitions? ${lost.join(', ')} ha(s|ve) no leader`)),
      });

      // Other topics can still be written (the console's producer has also written to the topic
      // with leaderless partitions), and the tail follows the partitions whose leadership moved.
      for (let p = 0; p < PARTITIONS; p++) {
        await timed(() =>
          produce(local, replicated, {
            partition: p,
            key: null,
            value: `after the stop ${p}`,
            valueFormat: 'text',
            headers: [],
            compression: 'none',
            acks: -1,
            count: 1,
          }),
        );
      }
      const tailed = await eventually(
        async () => new Set(messagesOf(tail.events).map((m) => m.partition)),
        (seen) => seen.size === PARTITIONS,
        20_000,
      ).catch(() => new Set(messagesOf(tail.events).map((m) => m.partition)));
      tail.abort();
      await tailing;
      expect([...tailed].sort(), JSON.stringify(tail.events.filter((e) => e.event === 'notice'))).toEqual([
        ...Array(PARTITIONS).keys(),
      ]);
      expect(tail.events.filter((e) => e.event === 'notice')).toEqual([]);
    } finally {
      tail.abort();
      await startNode(down);
      await eventually(
        () => getTopic(local, topic),
        (t) => t.partitionDetails.every((p) => p.leader !== null),
        90_000,
      );
    }
    // And whole again afterwards.
    invalidateCluster(local);
    expect((await browseMessages(local, topic, browseAll)).unavailable).toEqual([]);
  }, 240_000);
});
